using Bot.Knowledge.Search;

namespace Bot.Knowledge.Learning;

public static class ChunkDemotionExtensions
{
    /// <summary>
    /// The hits with each demoted chunk's score multiplied by its penalty, best first again: the demotion applied after
    /// a search, for callers whose search statement does not apply <see cref="ChunkDemotionSql"/> itself.
    /// </summary>
    public static async Task<IReadOnlyList<KnowledgeHit>> DemoteAsync(
        this IChunkDemotionStore store, string question, IReadOnlyList<KnowledgeHit> hits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(hits);
        if (hits.Count == 0)
        {
            return hits;
        }
        var penalties = await store.PenaltiesAsync(question, hits.Select(h => h.ChunkId).ToList(), cancellationToken);
        if (penalties.Count == 0)
        {
            return hits;
        }
        return hits
            .Select((hit, index) => (Hit: penalties.TryGetValue(hit.ChunkId, out var penalty) ? hit with { Score = hit.Score * penalty } : hit, index))
            .OrderByDescending(x => x.Hit.Score).ThenBy(x => x.index)
            .Select(x => x.Hit)
            .ToList();
    }
}
