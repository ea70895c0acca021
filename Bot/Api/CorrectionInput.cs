using System.Text.RegularExpressions;
using Bot.Knowledge;
using Bot.Knowledge.Learning;

namespace Bot.Api;

/// <summary>
/// Checks a correction as a person typed it (the REST API's body, the hub's Teach): question and answer required and
/// within limits, a route name when given. One check, so both ways of teaching the bot accept the same things.
/// </summary>
public static partial class CorrectionInput
{
    /// <summary>The correction, or the reason it is not one (a message for a 400).</summary>
    public static (Correction? Correction, string? Error) Read(string? question, string? answer, string? route, string? activityId, string? agentId)
    {
        question = StorableText.CleanOrNull(question)?.Trim();
        answer = StorableText.CleanOrNull(answer)?.Trim();
        if (string.IsNullOrEmpty(question))
        {
            return (null, "question is required: the customer's question the answer is for.");
        }
        if (question.Length > PostgresLearnedAnswerStore.MaxQuestionLength)
        {
            return (null, $"question is longer than {PostgresLearnedAnswerStore.MaxQuestionLength} characters.");
        }
        if (string.IsNullOrEmpty(answer))
        {
            return (null, "answer is required: the approved answer.");
        }
        if (answer.Length > PostgresLearnedAnswerStore.MaxAnswerLength)
        {
            return (null, $"answer is longer than {PostgresLearnedAnswerStore.MaxAnswerLength} characters.");
        }
        var routeName = string.IsNullOrWhiteSpace(route) ? null : route.Trim().ToLowerInvariant();
        if (routeName is not null && !RouteName().IsMatch(routeName))
        {
            return (null, "route must be a route name: 1 to 64 lower-case letters, digits, '_' or '-'.");
        }
        var activity = string.IsNullOrWhiteSpace(activityId) ? null : StorableText.Clean(activityId).Trim();
        if (activity is { Length: > 256 })
        {
            return (null, "activityId is longer than 256 characters.");
        }
        return (new Correction(question, answer, routeName, activity, agentId), null);
    }

    [GeneratedRegex("^[a-z0-9_-]{1,64}$")]
    private static partial Regex RouteName();
}
