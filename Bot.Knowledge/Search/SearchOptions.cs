using System.ComponentModel.DataAnnotations;

namespace Bot.Knowledge.Search;

/// <summary>How hybrid search ranks: candidates per method, fusion weights, and HNSW's search breadth.</summary>
public sealed class SearchOptions
{
    public const string SectionName = "Search";

    /// <summary>How many candidates each method (vector, full text) contributes before fusion.</summary>
    [Range(5, 1000)]
    public int Candidates { get; set; } = 40;

    /// <summary>Reciprocal-rank-fusion constant k in 1/(k + rank).</summary>
    [Range(1, 1000)]
    public int RrfK { get; set; } = 60;

    [Range(0, 10)]
    public double VectorWeight { get; set; } = 1.0;

    [Range(0, 10)]
    public double TextWeight { get; set; } = 1.0;

    /// <summary>Multiplier for chunks in the route's category: a preference, never a filter.</summary>
    [Range(1, 5)]
    public double CategoryBoost { get; set; } = 1.15;

    /// <summary>
    /// At most this many full-text matches are ranked: a bound on the work a very common word can cause in a large
    /// knowledge base (the vector side still sees every chunk).
    /// </summary>
    [Range(50, 100000)]
    public int FullTextCandidateCap { get; set; } = 1000;

    /// <summary><c>hnsw.ef_search</c>: more is better recall and slower.</summary>
    [Range(10, 1000)]
    public int EfSearch { get; set; } = 100;
}
