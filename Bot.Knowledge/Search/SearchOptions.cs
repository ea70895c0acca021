using System.ComponentModel.DataAnnotations;

namespace Bot.Knowledge.Search;

/// <summary>How hybrid search ranks: candidates per method, fusion weights, and HNSW's search breadth.</summary>
public sealed class SearchOptions
{
    public const string SectionName = "Search";

    /// <summary>How many candidates each method (vector, full text) contributes before fusion.</summary>
    [Range(5, 1000)]
    public int Candidates { get; set; } = 100;

    public SearchFusion Fusion { get; set; } = SearchFusion.Convex;

    /// <summary>Reciprocal-rank-fusion constant k in 1/(k + rank) (<see cref="SearchFusion.Rrf"/> only).</summary>
    [Range(1, 1000)]
    public int RrfK { get; set; } = 60;

    /// <summary>Weight of the vector ranking in the fusion (0: full text only).</summary>
    [Range(0, 10)]
    public double VectorWeight { get; set; } = 0.25;

    /// <summary>Weight of the full-text ranking in the fusion (0: vector only).</summary>
    [Range(0, 10)]
    public double TextWeight { get; set; } = 0.75;

    /// <summary>BM25's term-frequency saturation k1.</summary>
    [Range(0, 10)]
    public double Bm25K1 { get; set; } = 1.2;

    /// <summary>BM25's length normalisation b (0: none, 1: full).</summary>
    [Range(0, 1)]
    public double Bm25B { get; set; } = 0.5;

    /// <summary>How many times a word in a chunk's title counts for BM25.</summary>
    [Range(1, 20)]
    public double TitleTermWeight { get; set; } = 2;

    /// <summary>How many times a word in a chunk's heading path counts for BM25.</summary>
    [Range(1, 20)]
    public double HeadingTermWeight { get; set; } = 1.5;

    /// <summary>Share of the full-text score that is the question's (IDF-weighted) words found in the chunk's title.</summary>
    [Range(0, 1)]
    public double TitleMatchWeight { get; set; } = 0.15;

    /// <summary>Full-text candidates are the chunks containing any of (at most) the question's this-many rarest words.</summary>
    [Range(1, 12)]
    public int FullTextMatchTerms { get; set; } = 6;

    /// <summary>At most this many passages of one document in the results, so the top results span documents.</summary>
    [Range(1, 100)]
    public int MaxChunksPerDocument { get; set; } = 2;

    /// <summary>Multiplier for chunks in the route's category: a preference, never a filter.</summary>
    [Range(1, 5)]
    public double CategoryBoost { get; set; } = 1.15;

    /// <summary>
    /// At most this many full-text matches are ranked (BM25 from <c>kb_postings</c>): the question's words are added
    /// rarest first while together they occur in at most this many chunks, and the rarest word's matches are cut at this
    /// number (the vector side still sees every chunk).
    /// </summary>
    [Range(50, 100000)]
    public int FullTextCandidateCap { get; set; } = 300;

    /// <summary>
    /// <c>hnsw.iterative_scan</c>: with a category filter (<see cref="KnowledgeQuery.Category"/>) the vector side keeps
    /// scanning the index until it has its candidates, instead of stopping at <see cref="EfSearch"/> rows of which the
    /// filter may keep none.
    /// </summary>
    public HnswIterativeScan IterativeScan { get; set; } = HnswIterativeScan.RelaxedOrder;

    /// <summary><c>hnsw.ef_search</c>: more is better recall and slower (600: recall@10 0.96 at 100k chunks, docs/benchmarks.md).</summary>
    [Range(10, 1000)]
    public int EfSearch { get; set; } = 600;
}
