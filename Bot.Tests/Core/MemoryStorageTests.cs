using Bot.Core;

namespace Bot.Tests.Core;

public sealed class MemoryStorageTests() : StorageConformanceTests(() => new MemoryStorage())
{
    [Fact]
    public async Task Batch_with_one_conflict_writes_nothing()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["existing"] = new StoragePocoStoreItem { Count = 1 } });

        await Assert.ThrowsAsync<EtagConflictException>(() => Storage.WriteAsync(new Dictionary<string, object>
        {
            ["fresh"] = new StoragePocoItem { Count = 1 },
            ["existing"] = new StoragePocoStoreItem { Count = 2, ETag = "stale" },
        }));

        Assert.Empty(await Storage.ReadAsync(["fresh"]));
        Assert.Equal(1, (await Storage.ReadAsync<StoragePocoStoreItem>(["existing"]))["existing"].Count);
    }

    [Fact]
    public async Task Typed_read_skips_values_that_do_not_convert()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["number"] = 42, ["item"] = new StoragePocoItem { Count = 7 } });

        var items = await Storage.ReadAsync<StoragePocoItem>(["number", "item"]);

        Assert.Equal(["item"], items.Keys);
    }
}
