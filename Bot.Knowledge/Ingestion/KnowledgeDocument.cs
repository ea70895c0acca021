namespace Bot.Knowledge.Ingestion;

/// <summary>A parsed source document, ready to be stored: metadata and its sections in order.</summary>
public sealed record KnowledgeDocument(
    string Source,
    string Title,
    string? Url,
    string? Category,
    IReadOnlyList<KnowledgeSection> Sections);

/// <summary>A passage under its heading path (empty for text before the first heading).</summary>
public sealed record KnowledgeSection(string Heading, string Content);
