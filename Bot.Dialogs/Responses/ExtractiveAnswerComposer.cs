using Bot.Dialogs.Agents;

namespace Bot.Dialogs.Responses;

/// <summary>
/// Answers without a language model: the best passage, trimmed to the sentences and lists that answer the question
/// (<see cref="PassageTrimmer"/>), with the article it came from.
/// </summary>
public sealed class ExtractiveAnswerComposer : IAnswerComposer
{
    public const string NotFound = "I couldn't find that in our help centre. Could you put it another way, or ask to talk to a person?";

    /// <inheritdoc/>
    public Task<ComposedAnswer> ComposeAsync(string question, Evidence evidence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.Best is not { } best)
        {
            return Task.FromResult(new ComposedAnswer(NotFound, AnswerSources.None, []));
        }
        var text = PassageTrimmer.Trim(question, best.Content, best.Heading);
        var sources = evidence.Hits.DistinctBy(hit => hit.DocumentId).Take(3).ToList();
        return Task.FromResult(new ComposedAnswer(text, AnswerSources.KnowledgeBase, sources) { ChunkIds = [best.ChunkId] });
    }
}
