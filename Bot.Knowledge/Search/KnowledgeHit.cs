namespace Bot.Knowledge.Search;

/// <summary>One ranked passage with the scores that placed it.</summary>
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
    double VectorScore);
