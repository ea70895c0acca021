namespace Bot.Knowledge.Ingestion;

/// <summary>
/// The outcome of one source (a file, an upload, a page): its documents' outcomes, or, when it could not be read, why.
/// A failed source wrote nothing.
/// </summary>
public sealed record SourceResult(string Source, IReadOnlyList<DocumentResult> Documents, IngestError? ErrorKind = null, string? Error = null)
{
    public bool Failed => Error is not null;

    public static SourceResult Failure(string source, IngestError kind, string error) =>
        new(source, [new DocumentResult(source, IngestOutcome.Failed, Error: error, ErrorKind: kind)], kind, error);
}
