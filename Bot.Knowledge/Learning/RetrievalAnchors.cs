using Bot.Knowledge.Search;

namespace Bot.Knowledge.Learning;

/// <summary>
/// The documents a search ranks highest, each weighted by its rank (1, 1/2, 1/3 ...) and scaled to unit length, so
/// that the dot product of two questions' anchors is the cosine of where the knowledge base leads them: 1 when both
/// lead to the same documents in the same order, 0 when they share none.
/// </summary>
public sealed record RetrievalAnchors(IReadOnlyList<long> DocumentIds, IReadOnlyList<double> Weights)
{
    public static RetrievalAnchors None { get; } = new([], []);

    public bool IsEmpty => DocumentIds.Count == 0;

    /// <summary>The first <paramref name="depth"/> distinct documents of <paramref name="hits"/>, in order.</summary>
    public static RetrievalAnchors Of(IReadOnlyList<KnowledgeHit> hits, int depth) => Combine([hits], depth);

    /// <summary>
    /// The documents of several rankings together: each document's rank weights summed over the rankings, then the
    /// whole scaled to unit length.
    /// </summary>
    public static RetrievalAnchors Combine(IEnumerable<IReadOnlyList<KnowledgeHit>> rankings, int depth)
    {
        ArgumentNullException.ThrowIfNull(rankings);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(depth);
        var weights = new Dictionary<long, double>();
        var order = new List<long>();
        foreach (var hits in rankings)
        {
            var rank = 0;
            foreach (var documentId in hits.Select(h => h.DocumentId).Distinct())
            {
                if (++rank > depth)
                {
                    break;
                }
                if (!weights.TryGetValue(documentId, out var weight))
                {
                    order.Add(documentId);
                }
                weights[documentId] = weight + 1.0 / rank;
            }
        }
        var norm = Math.Sqrt(weights.Values.Sum(w => w * w));
        return norm == 0 ? None : new RetrievalAnchors(order, order.Select(id => weights[id] / norm).ToArray());
    }
}
