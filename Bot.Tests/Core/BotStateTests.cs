using System.Text.Json.Nodes;
using Bot.Core;
using Bot.Core.Schema;
using Bot.Core.Testing;

namespace Bot.Tests.Core;

public sealed class BotStateTests
{
    private readonly TestAdapter _adapter = new();

    [Fact]
    public async Task Concurrent_turns_on_the_same_conversation_first_save_wins_and_second_conflicts()
    {
        var storage = new MemoryStorage();
        await SeedAsync(storage, "count", 1);
        var (first, firstCount) = await LoadCounterAsync(storage);
        var (second, secondCount) = await LoadCounterAsync(storage);

        await firstCount.accessor.SetAsync(first.context, 2);
        await secondCount.accessor.SetAsync(second.context, 3);
        await first.state.SaveChangesAsync(first.context);

        await Assert.ThrowsAsync<EtagConflictException>(() => second.state.SaveChangesAsync(second.context));
        Assert.Equal(2, await ReadCounterAsync(storage));
    }

    [Fact]
    public async Task Concurrent_creation_of_new_state_lets_only_the_first_creator_save()
    {
        var storage = new MemoryStorage();
        var (first, firstCount) = await LoadCounterAsync(storage);
        var (second, secondCount) = await LoadCounterAsync(storage);

        await firstCount.accessor.SetAsync(first.context, 10);
        await secondCount.accessor.SetAsync(second.context, 20);
        await first.state.SaveChangesAsync(first.context);

        await Assert.ThrowsAsync<EtagConflictException>(() => second.state.SaveChangesAsync(second.context));
        Assert.Equal(10, await ReadCounterAsync(storage));
    }

    [Fact]
    public async Task A_second_save_in_the_same_turn_uses_the_new_etag()
    {
        var storage = new MemoryStorage();
        var (turn, counter) = await LoadCounterAsync(storage);

        await counter.accessor.SetAsync(turn.context, 1);
        await turn.state.SaveChangesAsync(turn.context);
        await counter.accessor.SetAsync(turn.context, 2);
        await turn.state.SaveChangesAsync(turn.context);

        Assert.Equal(2, await ReadCounterAsync(storage));
    }

    [Fact]
    public async Task State_is_read_once_per_turn_and_written_only_when_changed()
    {
        var storage = new CountingStorage();
        var state = new ConversationState(storage);
        var accessor = state.CreateProperty<int>("count");
        var context = NewContext();

        await state.LoadAsync(context);
        await accessor.GetAsync(context, () => 0);
        await accessor.GetAsync(context);
        await state.SaveChangesAsync(context);
        var writesAfterFirstSave = storage.Writes;
        await state.SaveChangesAsync(context);

        Assert.Equal(1, storage.Reads);
        Assert.Equal(1, writesAfterFirstSave);
        Assert.Equal(1, storage.Writes);
    }

    [Fact]
    public async Task Unchanged_state_is_not_written_but_force_writes_it()
    {
        var storage = new CountingStorage();
        await SeedAsync(storage, "count", 5);
        var state = new ConversationState(storage);
        var context = NewContext();
        await state.CreateProperty<int>("count").GetAsync(context);

        await state.SaveChangesAsync(context);
        Assert.Equal(1, storage.Writes);

        await state.SaveChangesAsync(context, force: true);
        Assert.Equal(2, storage.Writes);
    }

    [Fact]
    public async Task Changes_to_the_returned_object_are_saved()
    {
        var storage = new MemoryStorage();
        await SeedAsync(storage, "profile", new StoragePocoItem { Id = "ann", Count = 1 });
        var state = new ConversationState(storage);
        var accessor = state.CreateProperty<StoragePocoItem>("profile");
        var context = NewContext();

        var profile = await accessor.GetAsync(context);
        profile.Count = 41;
        Assert.Same(profile, await accessor.GetAsync(context));
        await state.SaveChangesAsync(context);

        var reloaded = await new ConversationState(storage).CreateProperty<StoragePocoItem>("profile").GetAsync(NewContext());
        Assert.Equal(41, reloaded.Count);
        Assert.Equal("ann", reloaded.Id);
    }

    [Fact]
    public async Task Missing_property_uses_the_default_factory_and_keeps_the_value()
    {
        var state = new ConversationState(new MemoryStorage());
        var accessor = state.CreateProperty<StoragePocoItem>("profile");
        var context = NewContext();

        Assert.Null(await accessor.GetAsync(context));
        var created = await accessor.GetAsync(context, () => new StoragePocoItem { Id = "new" });

        Assert.Same(created, await accessor.GetAsync(context));
        await accessor.DeleteAsync(context);
        Assert.Null(await accessor.GetAsync(context));
    }

    [Fact]
    public async Task States_are_stored_under_the_sdk_keys()
    {
        var storage = new MemoryStorage();
        var context = NewContext();
        var conversation = new ConversationState(storage);
        var user = new UserState(storage);
        var privateConversation = new PrivateConversationState(storage);

        await conversation.CreateProperty<string>("p").SetAsync(context, "c");
        await user.CreateProperty<string>("p").SetAsync(context, "u");
        await privateConversation.CreateProperty<string>("p").SetAsync(context, "pc");
        await new BotStateSet(conversation, user, privateConversation).SaveAllChangesAsync(context);

        var items = await storage.ReadAsync(["test/conversations/convo1", "test/users/user1", "test/conversations/convo1/users/user1"]);
        Assert.Equal(3, items.Count);
    }

    [Theory]
    [InlineData(true, false, "channelId")]
    [InlineData(false, true, "Conversation.Id")]
    public async Task Conversation_state_without_ids_fails_clearly(bool missingChannel, bool missingConversation, string missing)
    {
        var activity = _adapter.MakeActivity("hi");
        activity.ChannelId = missingChannel ? null : Channels.Test;
        activity.Conversation = missingConversation ? new ConversationAccount() : activity.Conversation;
        var state = new ConversationState(new MemoryStorage());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => state.LoadAsync(new TurnContext(_adapter, activity)));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_state_without_a_sender_fails_clearly()
    {
        var activity = _adapter.MakeActivity("hi");
        activity.From = null;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => new UserState(new MemoryStorage()).LoadAsync(new TurnContext(_adapter, activity)));

        Assert.Contains("From.Id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cleared_state_is_saved_empty_and_deleted_state_is_gone()
    {
        var storage = new MemoryStorage();
        await SeedAsync(storage, "count", 3);
        var state = new ConversationState(storage);
        var context = NewContext();

        await state.ClearStateAsync(context);
        await state.SaveChangesAsync(context);
        Assert.Equal(0, await new ConversationState(storage).CreateProperty<int>("count").GetAsync(NewContext()));

        await state.DeleteAsync(context);
        Assert.Empty(await storage.ReadAsync(["test/conversations/convo1"]));
    }

    [Fact]
    public async Task Get_returns_the_state_as_json()
    {
        var state = new ConversationState(new MemoryStorage());
        var context = NewContext();
        Assert.Null(state.Get(context));

        await state.CreateProperty<int>("count").SetAsync(context, 4);

        var json = Assert.IsType<JsonObject>(state.Get(context));
        Assert.Equal(4, (int)json["count"]!);
    }

    private static async Task<int> ReadCounterAsync(IStorage storage) =>
        await new ConversationState(storage).CreateProperty<int>("count").GetAsync(new TurnContext(new TestAdapter(), new TestAdapter().MakeActivity()));

    private async Task SeedAsync(IStorage storage, string property, object value)
    {
        var state = new ConversationState(storage);
        var context = NewContext();
        await state.CreateProperty<object>(property).SetAsync(context, value);
        await state.SaveChangesAsync(context);
    }

    private async Task<((ConversationState state, TurnContext context), (IStatePropertyAccessor<int> accessor, int value))> LoadCounterAsync(IStorage storage)
    {
        var state = new ConversationState(storage);
        var context = NewContext();
        var accessor = state.CreateProperty<int>("count");
        var value = await accessor.GetAsync(context);
        return ((state, context), (accessor, value));
    }

    private TurnContext NewContext() => new(_adapter, _adapter.MakeActivity("hi"));
}
