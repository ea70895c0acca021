using Bot.Knowledge.Search;

namespace Bot.Dialogs.Agents;

/// <summary>What the Search agent found: ranked passages and how confident the retrieval is (0..1).</summary>
public sealed record Evidence(IReadOnlyList<KnowledgeHit> Hits, double Confidence)
{
    public static Evidence None { get; } = new([], 0);

    public KnowledgeHit? Best => Hits.Count > 0 ? Hits[0] : null;
}
