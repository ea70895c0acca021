using Bot.Knowledge.Search;

namespace Bot.Dialogs.Routing;

/// <summary>
/// How far the knowledge base's best passages can be trusted to answer (0..1), from what the hybrid search reports:
/// the best vector similarity (meaning), the best full-text score (how much of the question's information a passage
/// covers, titles weigh most), whether both methods rank the top passage high, and how much of the question the
/// knowledge base's vocabulary covers. A logistic function of the four, fitted on the project's answerable questions
/// against out-of-scope messages with scripts/fit-retrieval-confidence.py (see docs/evaluation.md).
/// </summary>
public static class RetrievalConfidence
{
    /// <summary>The weights of the logistic function, fitted with <c>eval --features</c> and scripts/fit-retrieval-confidence.py (docs/evaluation.md).</summary>
    public static RetrievalWeights Weights { get; } = new(-4.09, 1.46, 1.71, 0.44, 2.27);

    /// <summary>How high in each method's own ranking the top passage must be for both to agree on it.</summary>
    public const int AgreementDepth = 10;

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

    /// <summary>
    /// The features: best vector similarity, log(1 + 10 × best text score), and 1 when the top passage is among the first
    /// <see cref="AgreementDepth"/> of both methods.
    /// </summary>
    public static (double Vector, double Text, double Both) Features(IReadOnlyList<KnowledgeHit> hits)
    {
        ArgumentNullException.ThrowIfNull(hits);
        if (hits.Count == 0)
        {
            return (0, 0, 0);
        }
        var vector = hits.Max(h => h.VectorScore);
        var text = Math.Log(1 + 10 * hits.Max(h => h.TextScore));
        var both = hits[0] is { VectorRank: <= AgreementDepth, TextRank: <= AgreementDepth } ? 1 : 0;
        return (Math.Max(0, vector), text, both);
    }
}

/// <summary>The weights of <see cref="RetrievalConfidence"/>'s logistic function.</summary>
public sealed record RetrievalWeights(double Intercept, double Vector, double Text, double Agreement, double Coverage);
