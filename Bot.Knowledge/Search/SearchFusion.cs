namespace Bot.Knowledge.Search;

/// <summary>How the vector and full-text rankings are combined.</summary>
public enum SearchFusion
{
    /// <summary>Weighted sum of the min-max normalised scores of both methods.</summary>
    Convex,

    /// <summary>Weighted reciprocal rank fusion, weight / (k + rank).</summary>
    Rrf,
}
