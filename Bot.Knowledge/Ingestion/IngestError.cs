namespace Bot.Knowledge.Ingestion;

/// <summary>Why a source could not be ingested; each maps to an HTTP status in the admin API.</summary>
public enum IngestError
{
    /// <summary>Not a format the knowledge base reads (415).</summary>
    UnsupportedType,

    /// <summary>No content (400).</summary>
    Empty,

    /// <summary>Over <see cref="KnowledgeOptions.MaxFileBytes"/> (413).</summary>
    TooLarge,

    /// <summary>Not valid UTF-8 (or its declared charset), or binary (400).</summary>
    InvalidEncoding,

    /// <summary>The format is right but the content is not (a CSV without the header, broken JSON or PDF) (400).</summary>
    Malformed,

    /// <summary>A URL (or a file) could not be fetched or read (502).</summary>
    FetchFailed,

    /// <summary>Parsed, but writing it to the database (or embedding it) failed (500).</summary>
    StoreFailed,
}
