namespace Bot.Knowledge.Ingestion;

/// <summary>A stored document with its chunks.</summary>
public sealed record KnowledgeDocumentDetails(
    long Id,
    string Source,
    string Title,
    string? Url,
    string? Category,
    string ContentHash,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<StoredChunk> Chunks);
