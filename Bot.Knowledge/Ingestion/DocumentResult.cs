namespace Bot.Knowledge.Ingestion;

/// <summary>
/// What ingesting one document did. <paramref name="Source"/> is the document's (or, for a file that failed, the file's)
/// source; <paramref name="Error"/> and <paramref name="ErrorKind"/> say why when it failed.
/// </summary>
public sealed record DocumentResult(
    string Source,
    IngestOutcome Outcome,
    long? Id = null,
    string? Title = null,
    int? Chunks = null,
    string? Error = null,
    IngestError? ErrorKind = null);
