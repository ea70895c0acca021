using Bot.Core;

namespace Bot.Tests.Core;

/// <summary>A <see cref="MemoryStorage"/> that counts reads and writes.</summary>
public sealed class CountingStorage : IStorage
{
    private readonly MemoryStorage _inner = new();
    private int _reads;
    private int _writes;

    public int Reads => _reads;

    public int Writes => _writes;

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _reads);
        return _inner.ReadAsync(keys, cancellationToken);
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _writes);
        return _inner.WriteAsync(changes, cancellationToken);
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) =>
        _inner.DeleteAsync(keys, cancellationToken);
}
