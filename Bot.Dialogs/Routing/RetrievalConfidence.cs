using Bot.Knowledge.Search;

namespace Bot.Dialogs.Routing;

/// <summary>
/// How far the knowledge base's best passages can be trusted to answer (0..1), from what the hybrid search reports:
/// the best vector similarity (meaning), the best full-text rank (shared words, titles weigh most), whether the top
/// passage was found by both, and how much of the question the knowledge base's vocabulary covers. A logistic function
/// of the four, fitted on the project's answerable questions against out-of-scope messages (see docs/evaluation.md).
/// </summary>
public static class RetrievalConfidence
{
    /// <summary>The weights of the logistic function, fitted with <c>eval --features</c> (docs/evaluation.md).</summary>
    public static RetrievalWeights Weights { get; } = new(-4.32, 2.45, 1.04, 1.79, 3.02);

    public static double Of(IReadOnlyList<KnowledgeHit> hits, double coverage) => Of(hits, coverage, Weights);

    public static double Of(IReadOnlyList<KnowledgeHit> hits, double coverage, RetrievalWeights weights)
    {
        ArgumentNullException.ThrowIfNull(hits);
        ArgumentNullException.ThrowIfNull(weights);
        if (hits.Count == 0)
        {
            return 0;
        }
        var (vector, text, both) = Features(hits);
        var z = weights.Intercept + weights.Vector * vector + weights.Text * text + weights.Agreement * both + weights.Coverage * coverage;
        // Never certain: a threshold of 1 means "never trust the retrieval alone".
        return Math.Min(Math.Round(1 / (1 + Math.Exp(-z)), 3), 0.999);
    }

    /// <summary>The features: best vector similarity, log(1 + 10 × best text rank), 1 when the top passage was found by both methods.</summary>
    public static (double Vector, double Text, double Both) Features(IReadOnlyList<KnowledgeHit> hits)
    {
        ArgumentNullException.ThrowIfNull(hits);
        if (hits.Count == 0)
        {
            return (0, 0, 0);
        }
        var vector = hits.Max(h => h.VectorScore);
        var text = Math.Log(1 + 10 * hits.Max(h => h.TextScore));
        var both = hits[0].VectorScore > 0 && hits[0].TextScore > 0 ? 1 : 0;
        return (Math.Max(0, vector), text, both);
    }
}

/// <summary>The weights of <see cref="RetrievalConfidence"/>'s logistic function.</summary>
public sealed record RetrievalWeights(double Intercept, double Vector, double Text, double Agreement, double Coverage);
