using Bot.Knowledge.Routing;
using Bot.Knowledge.Turns;
using Microsoft.Extensions.Logging;

namespace Bot.Knowledge.Learning;

/// <summary>
/// Applies a human correction: the approved answer becomes a learned answer for the question (and its paraphrases),
/// and the question becomes a router example for its route (given, or the route of the corrected reply), so both
/// take effect at the next message without a restart.
/// </summary>
public sealed class CorrectionService(
    ILearnedAnswerStore answers,
    IRouterExampleStore examples,
    ITurnStore turns,
    ILogger<CorrectionService> logger)
{
    public const string ExampleSource = "correction";

    public async Task<CorrectionResult> ApplyAsync(Correction correction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(correction);
        var route = correction.Route;
        if (route is null && correction.ActivityId is { Length: > 0 } activityId)
        {
            route = (await turns.FindByReplyAsync(activityId, cancellationToken))?.Route;
        }
        var id = await answers.AddAsync(correction with { Route = route }, cancellationToken);
        if (route is null)
        {
            return new CorrectionResult(id, null);
        }
        await examples.AddAsync(new RouterExample(correction.Question.Trim(), route, "question", ExampleSource), cancellationToken);
        logger.LogInformation("Correction stored as learned answer {Id} and a {Route} router example", id, route);
        return new CorrectionResult(id, route);
    }
}
