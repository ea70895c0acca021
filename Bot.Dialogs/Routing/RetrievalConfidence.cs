using Bot.Knowledge.Search;

namespace Bot.Dialogs.Routing;

/// <summary>
/// How far the knowledge base's best passages can be trusted to answer (0..1), from what the hybrid search reports:
/// the best vector similarity (meaning), the best full-text score (how much of the question's information a passage
/// covers, titles weigh most), whether both methods rank the top passage high, how much of the question the
/// knowledge base's vocabulary covers, and how close the message is to the router's nearest in-scope example (what this
/// product's customers ask). A logistic function of the five, fitted on the project's answerable questions against
/// out-of-scope messages with scripts/fit-retrieval-confidence.py (see docs/evaluation.md).
/// </summary>
public static class RetrievalConfidence
{
    /// <summary>The weights of the logistic function, fitted with <c>eval --features</c> and scripts/fit-retrieval-confidence.py (docs/evaluation.md).</summary>
    public static RetrievalWeights Weights { get; } = new(-4.54, 1.26, 1.66, 0.41, 2.21, 1.09);

    /// <summary>
    /// The nearest-example similarity assumed when the router has none (a model without examples): the mean over the
    /// data the weights were fitted on, so the feature neither helps nor hurts.
    /// </summary>
    public const double NeutralNearest = 0.63;

    /// <summary>How high in each method's own ranking the top passage must be for both to agree on it.</summary>
    public const int AgreementDepth = 10;

    /// <param name="hits">The passages the search found, best first.</param>
    /// <param name="coverage">The share of the question's (IDF-weighted) words the knowledge base uses.</param>
    /// <param name="nearest">The router's nearest in-scope example similarity, or null when it has none.</param>
    public static double Of(IReadOnlyList<KnowledgeHit> hits, double coverage, double? nearest = null) => Of(hits, coverage, nearest, Weights);

    public static double Of(IReadOnlyList<KnowledgeHit> hits, double coverage, double? nearest, RetrievalWeights weights)
    {
        ArgumentNullException.ThrowIfNull(hits);
        ArgumentNullException.ThrowIfNull(weights);
        if (hits.Count == 0)
        {
            return 0;
        }
        var (vector, text, both) = Features(hits);
        var z = weights.Intercept + weights.Vector * vector + weights.Text * text + weights.Agreement * both + weights.Coverage * coverage
            + weights.Nearest * (nearest ?? NeutralNearest);
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
public sealed record RetrievalWeights(double Intercept, double Vector, double Text, double Agreement, double Coverage, double Nearest);
