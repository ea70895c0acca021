namespace Bot.Knowledge.Ingestion;

/// <summary>
/// Raw bytes to ingest: <paramref name="Source"/> identifies the document in the knowledge base (a path relative to the
/// ingested folder, an uploaded file's name, or a page's URL); <paramref name="ContentType"/> is used when the name has
/// no known extension; <paramref name="Url"/> is the page a fetched document came from.
/// </summary>
public sealed record SourceFile(string Source, ReadOnlyMemory<byte> Content, string? ContentType = null, Uri? Url = null);
