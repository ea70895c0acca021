namespace Bot.Knowledge.Search;

/// <summary>The server settings every search connection starts with (the connection string's <c>Options</c>).</summary>
public static class SearchSessionSettings
{
    /// <summary>
    /// HNSW breadth and iterative scans from <see cref="SearchOptions"/>; no JIT (short interactive queries: JIT
    /// compilation, triggered by pessimistic row estimates of the search's set-returning functions, would cost seconds
    /// for a query that runs in milliseconds); and generic plans for prepared statements (only the hybrid search is
    /// one): planning it takes longer than running it, and the server's own choice keeps re-planning it per question.
    /// </summary>
    public static string For(SearchOptions search)
    {
        ArgumentNullException.ThrowIfNull(search);
        var iterative = search.IterativeScan switch
        {
            HnswIterativeScan.StrictOrder => "strict_order",
            HnswIterativeScan.RelaxedOrder => "relaxed_order",
            _ => "off",
        };
        return $"-c hnsw.ef_search={search.EfSearch} -c hnsw.iterative_scan={iterative} -c jit=off -c plan_cache_mode=force_generic_plan";
    }
}
