using System.Text.Json;
using Bot.Core;
using Bot.Core.Testing;

namespace Bot.Tests.Core;

/// <summary>
/// The eTag contract every <see cref="IStorage"/> must keep. Derive with a factory for the store under test;
/// keys are unique per test so the suite can run against a shared database.
/// </summary>
public abstract class StorageConformanceTests
{
    private readonly string _prefix = $"conformance/{Guid.NewGuid():N}/";

    protected StorageConformanceTests(Func<IStorage> storageFactory)
    {
        ArgumentNullException.ThrowIfNull(storageFactory);
        Storage = storageFactory();
    }

    protected IStorage Storage { get; }

    [Fact]
    public async Task Reading_unknown_keys_returns_nothing()
    {
        var items = await Storage.ReadAsync([Key("unknown")]);

        Assert.Empty(items);
    }

    [Fact]
    public async Task Created_objects_read_back_with_their_values()
    {
        await Storage.WriteAsync(new Dictionary<string, object>
        {
            [Key("poco")] = new StoragePocoItem { Id = "1", Count = 1 },
            [Key("item")] = new StoragePocoStoreItem { Id = "2", Count = 2 },
        });

        var pocos = await Storage.ReadAsync<StoragePocoItem>([Key("poco")]);
        var items = await Storage.ReadAsync<StoragePocoStoreItem>([Key("item")]);

        Assert.Equal(1, pocos[Key("poco")].Count);
        Assert.Equal("2", items[Key("item")].Id);
        Assert.False(string.IsNullOrEmpty(items[Key("item")].ETag));
    }

    [Fact]
    public async Task Values_come_back_as_json_carrying_the_etag_under_eTag()
    {
        var item = new StoragePocoStoreItem { Id = "1" };
        await Storage.WriteAsync(new Dictionary<string, object> { [Key("item")] = item });

        var raw = (await Storage.ReadAsync([Key("item")]))[Key("item")];

        var element = Assert.IsType<JsonElement>(raw);
        Assert.Equal(item.ETag, element.GetProperty("eTag").GetString());
        Assert.Equal("1", element.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Crazy_keys_are_used_verbatim()
    {
        var key = Key("!@#$%^&*()_+??><\":QQ~\\/'`🤖 ünï §");
        await Storage.WriteAsync(new Dictionary<string, object> { [key] = new StoragePocoStoreItem { Id = "crazy" } });

        var items = await Storage.ReadAsync<StoragePocoStoreItem>([key]);

        Assert.Equal("crazy", items[key].Id);
        Assert.Empty(await Storage.ReadAsync([key.ToUpperInvariant()]));
    }

    [Fact]
    public async Task Write_sets_the_new_etag_on_the_written_item()
    {
        var item = new StoragePocoStoreItem { Id = "1" };

        await Storage.WriteAsync(new Dictionary<string, object> { [Key("item")] = item });

        var stored = await Storage.ReadAsync<StoragePocoStoreItem>([Key("item")]);
        Assert.False(string.IsNullOrEmpty(item.ETag));
        Assert.Equal(stored[Key("item")].ETag, item.ETag);
    }

    [Fact]
    public async Task Second_save_of_the_same_object_succeeds()
    {
        var item = new StoragePocoStoreItem { Id = "1", Count = 1 };
        await Storage.WriteAsync(new Dictionary<string, object> { [Key("item")] = item });

        item.Count = 2;
        await Storage.WriteAsync(new Dictionary<string, object> { [Key("item")] = item });

        Assert.Equal(2, (await Storage.ReadAsync<StoragePocoStoreItem>([Key("item")]))[Key("item")].Count);
    }

    [Fact]
    public async Task Update_with_the_current_etag_succeeds_and_changes_the_etag()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { [Key("item")] = new StoragePocoStoreItem { Count = 1 } });
        var read = (await Storage.ReadAsync<StoragePocoStoreItem>([Key("item")]))[Key("item")];
        var etagAtRead = read.ETag;

        read.Count = 2;
        await Storage.WriteAsync(new Dictionary<string, object> { [Key("item")] = read });

        var reread = (await Storage.ReadAsync<StoragePocoStoreItem>([Key("item")]))[Key("item")];
        Assert.Equal(2, reread.Count);
        Assert.NotEqual(etagAtRead, reread.ETag);
    }

    [Fact]
    public async Task Stale_etag_write_is_rejected()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { [Key("item")] = new StoragePocoStoreItem { Count = 1 } });
        var first = (await Storage.ReadAsync<StoragePocoStoreItem>([Key("item")]))[Key("item")];
        var second = (await Storage.ReadAsync<StoragePocoStoreItem>([Key("item")]))[Key("item")];
        first.Count = 10;
        await Storage.WriteAsync(new Dictionary<string, object> { [Key("item")] = first });

        second.Count = 20;
        var conflict = await Assert.ThrowsAsync<EtagConflictException>(() => Storage.WriteAsync(new Dictionary<string, object> { [Key("item")] = second }));

        Assert.Equal(Key("item"), conflict.Key);
        Assert.Equal(10, (await Storage.ReadAsync<StoragePocoStoreItem>([Key("item")]))[Key("item")].Count);
    }

    [Fact]
    public async Task Star_etag_overwrites_whatever_is_stored()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { [Key("item")] = new StoragePocoStoreItem { Count = 1 } });

        await Storage.WriteAsync(new Dictionary<string, object> { [Key("item")] = new StoragePocoStoreItem { Count = 5, ETag = "*" } });

        Assert.Equal(5, (await Storage.ReadAsync<StoragePocoStoreItem>([Key("item")]))[Key("item")].Count);
    }

    [Fact]
    public async Task Null_etag_overwrites_whatever_is_stored()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { [Key("item")] = new StoragePocoStoreItem { Count = 1 } });

        await Storage.WriteAsync(new Dictionary<string, object> { [Key("item")] = new StoragePocoStoreItem { Count = 6, ETag = null } });

        Assert.Equal(6, (await Storage.ReadAsync<StoragePocoStoreItem>([Key("item")]))[Key("item")].Count);
    }

    [Fact]
    public async Task Empty_etag_on_an_existing_item_conflicts()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { [Key("item")] = new StoragePocoStoreItem { Count = 1 } });

        await Assert.ThrowsAsync<EtagConflictException>(
            () => Storage.WriteAsync(new Dictionary<string, object> { [Key("item")] = new StoragePocoStoreItem { Count = 2, ETag = string.Empty } }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("some-old-etag")]
    public async Task Any_etag_creates_a_missing_item(string etag)
    {
        var item = new StoragePocoStoreItem { Count = 3, ETag = etag };

        await Storage.WriteAsync(new Dictionary<string, object> { [Key("new")] = item });

        Assert.Equal(3, (await Storage.ReadAsync<StoragePocoStoreItem>([Key("new")]))[Key("new")].Count);
        Assert.NotEqual(etag, item.ETag);
    }

    [Fact]
    public async Task Every_write_produces_a_fresh_etag()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var item = new StoragePocoStoreItem();
        for (var i = 0; i < 5; i++)
        {
            item.Count = i;
            await Storage.WriteAsync(new Dictionary<string, object> { [Key("item")] = item });
            Assert.True(seen.Add(item.ETag!), $"eTag {item.ETag} was reused");
        }

        await Storage.DeleteAsync([Key("item")]);
        await Storage.WriteAsync(new Dictionary<string, object> { [Key("item")] = new StoragePocoStoreItem { ETag = "*" } });
        var recreated = (await Storage.ReadAsync<StoragePocoStoreItem>([Key("item")]))[Key("item")];
        Assert.DoesNotContain(recreated.ETag!, seen);
    }

    [Fact]
    public async Task Objects_without_etag_are_written_unconditionally()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { [Key("poco")] = new StoragePocoItem { Count = 1 } });

        await Storage.WriteAsync(new Dictionary<string, object> { [Key("poco")] = new StoragePocoItem { Count = 2 } });

        Assert.Equal(2, (await Storage.ReadAsync<StoragePocoItem>([Key("poco")]))[Key("poco")].Count);
    }

    [Fact]
    public async Task Only_one_of_concurrent_writers_with_the_same_etag_wins()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { [Key("item")] = new StoragePocoStoreItem { Count = 0 } });
        var etag = (await Storage.ReadAsync<StoragePocoStoreItem>([Key("item")]))[Key("item")].ETag;

        var writes = Enumerable.Range(1, 8).Select(async i =>
        {
            try
            {
                await Storage.WriteAsync(new Dictionary<string, object> { [Key("item")] = new StoragePocoStoreItem { Count = i, ETag = etag } });
                return true;
            }
            catch (EtagConflictException)
            {
                return false;
            }
        });

        var outcomes = await Task.WhenAll(writes);
        Assert.Equal(1, outcomes.Count(won => won));
    }

    [Fact]
    public async Task Deleted_object_is_gone()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { [Key("item")] = new StoragePocoStoreItem { Count = 1 } });

        await Storage.DeleteAsync([Key("item")]);

        Assert.Empty(await Storage.ReadAsync([Key("item")]));
    }

    [Fact]
    public async Task Deleting_an_unknown_key_is_not_an_error()
    {
        await Storage.DeleteAsync([Key("never-written")]);

        Assert.Empty(await Storage.ReadAsync([Key("never-written")]));
    }

    [Fact]
    public async Task Batch_create_writes_every_item()
    {
        await Storage.WriteAsync(new Dictionary<string, object>
        {
            [Key("a")] = new StoragePocoStoreItem { Id = "a" },
            [Key("b")] = new StoragePocoStoreItem { Id = "b" },
            [Key("c")] = new StoragePocoItem { Id = "c" },
        });

        var items = await Storage.ReadAsync([Key("a"), Key("b"), Key("c"), Key("missing")]);

        Assert.Equal(3, items.Count);
        Assert.Equal("c", ((JsonElement)items[Key("c")]).GetProperty("id").GetString());
    }

    [Fact]
    public async Task State_persists_through_multiple_turns()
    {
        var conversationState = new ConversationState(Storage);
        var userState = new UserState(Storage);
        var counter = conversationState.CreateProperty<StoragePocoItem>("counter");
        var name = userState.CreateProperty<string>("name");
        var adapter = new TestAdapter(TestAdapter.CreateConversation(Key("conversation")))
            .Use(new AutoSaveStateMiddleware(conversationState, userState));

        await new TestFlow(adapter, async (turnContext, cancellationToken) =>
            {
                var count = await counter.GetAsync(turnContext, () => new StoragePocoItem(), cancellationToken);
                count.Count++;
                if (turnContext.Activity.Text!.StartsWith("I am ", StringComparison.Ordinal))
                {
                    await name.SetAsync(turnContext, turnContext.Activity.Text[5..], cancellationToken);
                }

                var who = await name.GetAsync(turnContext, () => "stranger", cancellationToken);
                await turnContext.SendActivityAsync($"{count.Count}: hello {who}", cancellationToken: cancellationToken);
            })
            .Test("hi", "1: hello stranger")
            .Test("I am Ann", "2: hello Ann")
            .Test("hi again", "3: hello Ann")
            .StartTestAsync();
    }

    private string Key(string name) => _prefix + name;
}
