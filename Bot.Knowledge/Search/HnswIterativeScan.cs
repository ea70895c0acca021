namespace Bot.Knowledge.Search;

/// <summary>
/// pgvector's <c>hnsw.iterative_scan</c> (0.8): whether an HNSW scan whose rows a filter drops goes on past
/// <c>ef_search</c> until it has enough.
/// </summary>
public enum HnswIterativeScan
{
    /// <summary>Stop at <c>ef_search</c> candidates: a selective filter can leave fewer results than asked for.</summary>
    Off,

    /// <summary>Go on, returning rows in exact distance order.</summary>
    StrictOrder,

    /// <summary>Go on, rows in nearly distance order (the search ranks them again anyway).</summary>
    RelaxedOrder,
}
