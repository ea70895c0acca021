namespace Bot.Knowledge.Ingestion;

/// <summary>A source that cannot be ingested, with the reason a person can act on.</summary>
public sealed class IngestionException : Exception
{
    public IngestionException()
    {
    }

    public IngestionException(string message)
        : base(message)
    {
    }

    public IngestionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public IngestionException(IngestError error, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
    }

    public IngestError Error { get; } = IngestError.Malformed;
}
