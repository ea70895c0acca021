using Bot.Core;

namespace Bot.Tests.Core;

/// <summary>A stored value that takes part in eTag checks.</summary>
public sealed class StoragePocoStoreItem : IStoreItem
{
    public string? Id { get; set; }

    public int Count { get; set; }

    public string? ETag { get; set; }
}
