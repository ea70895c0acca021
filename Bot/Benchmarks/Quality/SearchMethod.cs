using Bot.Knowledge.Search;

namespace Bot.Benchmarks.Quality;

/// <summary>One way to search: the production hybrid query with both methods, or with one method's weight at zero.</summary>
public sealed record SearchMethod(string Name, double VectorWeight, double TextWeight)
{
    public static IReadOnlyList<SearchMethod> All(SearchOptions configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        return
        [
            new("full text", 0, 1),
            new("vector", 1, 0),
            new("hybrid", configured.VectorWeight, configured.TextWeight),
        ];
    }

    public SearchOptions Apply(SearchOptions configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        return new SearchOptions
        {
            Candidates = configured.Candidates,
            Fusion = configured.Fusion,
            RrfK = configured.RrfK,
            VectorWeight = VectorWeight,
            TextWeight = TextWeight,
            Bm25K1 = configured.Bm25K1,
            Bm25B = configured.Bm25B,
            TitleTermWeight = configured.TitleTermWeight,
            HeadingTermWeight = configured.HeadingTermWeight,
            TitleMatchWeight = configured.TitleMatchWeight,
            FullTextMatchTerms = configured.FullTextMatchTerms,
            FullTextCandidateCap = configured.FullTextCandidateCap,
            MaxChunksPerDocument = configured.MaxChunksPerDocument,
            CategoryBoost = configured.CategoryBoost,
            EfSearch = configured.EfSearch,
        };
    }
}
