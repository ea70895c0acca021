namespace Bot.Knowledge.Routing;

/// <summary>A router CSV that cannot be imported: a missing column, or rows that are not valid (each named with its line).</summary>
public sealed class RouterCsvException : Exception
{
    public RouterCsvException()
    {
    }

    public RouterCsvException(string message)
        : base(message)
    {
    }

    public RouterCsvException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RouterCsvException(string message, IReadOnlyList<string> errors)
        : base(message)
    {
        Errors = errors;
    }

    /// <summary>The problems found, one per bad row (at most <see cref="RouterExampleCsv.MaxReportedErrors"/>).</summary>
    public IReadOnlyList<string> Errors { get; } = [];
}
