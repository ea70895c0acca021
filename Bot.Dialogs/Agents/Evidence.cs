using Bot.Knowledge.Learning;
using Bot.Knowledge.Search;

namespace Bot.Dialogs.Agents;

/// <summary>
/// What the Search agent found: a learned answer (an agent-approved answer to a similar question) when there is one,
/// ranked knowledge-base passages, and how confident the retrieval is (0..1).
/// </summary>
public sealed record Evidence(IReadOnlyList<KnowledgeHit> Hits, double Confidence)
{
    public static Evidence None { get; } = new([], 0);

    /// <summary>The learned answer found before the knowledge search, or null; the Response agent answers from it first.</summary>
    public LearnedAnswerMatch? Learned { get; init; }

    /// <summary>The text actually searched: the question, or the question rewritten from the conversation (a short follow-up).</summary>
    public string? Query { get; init; }

    /// <summary>How much of the query the knowledge base's vocabulary covers (0..1), one input of <see cref="Confidence"/>.</summary>
    public double Coverage { get; init; }

    public KnowledgeHit? Best => Hits.Count > 0 ? Hits[0] : null;
}
