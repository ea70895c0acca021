namespace Bot.Knowledge.Search;

/// <summary>
/// One ranked passage with the scores that placed it: the fused score, the full-text score (normalised BM25, 0..1) and
/// the vector similarity, and its rank in each method's candidates (null when that method did not find it).
/// </summary>
public sealed record KnowledgeHit(
    long ChunkId,
    long DocumentId,
    string Title,
    string? Url,
    string Heading,
    string Content,
    string? Category,
    double Score,
    double TextScore,
    double VectorScore,
    int? TextRank = null,
    int? VectorRank = null);
