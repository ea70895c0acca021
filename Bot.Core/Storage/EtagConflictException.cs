namespace Bot.Core;

/// <summary>Thrown when an <see cref="IStoreItem"/> is written with an eTag that no longer matches the stored one.</summary>
public sealed class EtagConflictException : InvalidOperationException
{
    private const string ConflictMessage = "Etag conflict";

    public EtagConflictException()
        : base(ConflictMessage)
    {
    }

    /// <param name="key">The storage key whose write conflicted.</param>
    public EtagConflictException(string key)
        : base(ConflictMessage)
    {
        Key = key;
    }

    /// <param name="key">The storage key whose write conflicted.</param>
    /// <param name="innerException">The store's own error (for example a failed precondition).</param>
    public EtagConflictException(string key, Exception innerException)
        : base(ConflictMessage, innerException)
    {
        Key = key;
    }

    /// <summary>Gets the storage key whose write conflicted.</summary>
    public string? Key { get; }
}
