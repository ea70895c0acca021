using Bot.Core;
using Bot.Knowledge.Storage;
using Bot.Tests.Core;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Integration;

/// <summary>The same storage contract as <see cref="MemoryStorage"/>, against the real PostgreSQL.</summary>
public sealed class PostgresStorageTests(TestDatabase database)
    : StorageConformanceTests(() => new PostgresStorage(database.DataSource)), IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Batch_with_one_conflict_writes_nothing()
    {
        var existing = "existing-" + Guid.NewGuid().ToString("N");
        var fresh = "fresh-" + Guid.NewGuid().ToString("N");
        await Storage.WriteAsync(new Dictionary<string, object> { [existing] = new StoragePocoStoreItem { Count = 1 } });

        await Assert.ThrowsAsync<EtagConflictException>(() => Storage.WriteAsync(new Dictionary<string, object>
        {
            [fresh] = new StoragePocoItem { Count = 1 },
            [existing] = new StoragePocoStoreItem { Count = 2, ETag = "stale" },
        }));

        Assert.Empty(await Storage.ReadAsync([fresh]));
        Assert.Equal(1, (await Storage.ReadAsync<StoragePocoStoreItem>([existing]))[existing].Count);
    }
}
