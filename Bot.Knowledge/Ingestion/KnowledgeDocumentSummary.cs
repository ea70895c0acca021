namespace Bot.Knowledge.Ingestion;

/// <summary>A stored document as listed: metadata and how many chunks it has.</summary>
public sealed record KnowledgeDocumentSummary(
    long Id, string Source, string Title, string? Url, string? Category, int ChunkCount, DateTimeOffset UpdatedAt);
