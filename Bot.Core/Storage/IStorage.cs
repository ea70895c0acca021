namespace Bot.Core;

/// <summary>
/// A key/value store of JSON documents with optimistic concurrency for <see cref="IStoreItem"/> values.
/// </summary>
/// <remarks>
/// eTag rules, identical for every implementation: values that are not <see cref="IStoreItem"/>, and items whose
/// ETag is null or "*", are written unconditionally; any other ETag (including "") must equal the stored eTag
/// when the key exists, else <see cref="EtagConflictException"/> is thrown; when the key does not exist any ETag
/// writes. Every successful write stores a fresh eTag under the document's "eTag" property and sets it on the
/// written <see cref="IStoreItem"/>. Keys are used verbatim.
/// </remarks>
public interface IStorage
{
    /// <summary>Reads documents; unknown keys are absent from the result and values come back as <see cref="System.Text.Json.JsonElement"/>.</summary>
    /// <param name="keys">The keys to read.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The documents found, by key.</returns>
    Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default);

    /// <summary>Writes documents, checking the eTag of every <see cref="IStoreItem"/>.</summary>
    /// <param name="changes">The documents to write, by key.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the documents are written.</returns>
    /// <exception cref="EtagConflictException">An item's ETag does not match the stored one.</exception>
    Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default);

    /// <summary>Deletes documents; unknown keys are ignored.</summary>
    /// <param name="keys">The keys to delete.</param>
    /// <param name="cancellationToken">Cancels the delete.</param>
    /// <returns>A task that completes when the documents are deleted.</returns>
    Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default);
}
