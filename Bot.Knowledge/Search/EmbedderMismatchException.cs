namespace Bot.Knowledge.Search;

/// <summary>The stored vectors were made by another embedder than the configured one.</summary>
public sealed class EmbedderMismatchException : InvalidOperationException
{
    public EmbedderMismatchException()
    {
    }

    public EmbedderMismatchException(string message)
        : base(message)
    {
    }

    public EmbedderMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static EmbedderMismatchException For(string stored, int storedDimensions, string configured, int configuredDimensions) => new(
        $"The knowledge base was embedded with '{stored}' ({storedDimensions} dimensions) but the configured embedder is " +
        $"'{configured}' ({configuredDimensions} dimensions). Run `kb reembed` (make db-migrate first if needed) to re-embed it, " +
        "or configure the embedder it was built with.");
}
