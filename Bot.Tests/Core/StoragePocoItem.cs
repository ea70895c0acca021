namespace Bot.Tests.Core;

/// <summary>A stored value without an eTag.</summary>
public sealed class StoragePocoItem
{
    public string? Id { get; set; }

    public int Count { get; set; }
}
