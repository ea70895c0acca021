using Bot.Core;
using Bot.Core.Schema;
using Bot.Core.Testing;

namespace Bot.Tests.Core;

public sealed class ShowTypingMiddlewareTests
{
    [Fact]
    public async Task Slow_turn_sends_typing_before_the_reply_and_stops_afterwards()
    {
        var adapter = new TestAdapter().Use(new ShowTypingMiddleware(delay: 10, period: 30));
        var respondedBeforeReply = true;

        await adapter.SendTextToBotAsync("hi", async (context, ct) =>
        {
            await Task.Delay(150, ct);
            respondedBeforeReply = context.Responded;
            await context.SendActivityAsync("done", cancellationToken: ct);
        });
        await Task.Delay(100);

        var replies = Drain(adapter);
        Assert.True(replies.Count >= 2, $"expected typing before the reply, got {replies.Count} replies");
        Assert.All(replies[..^1], r => Assert.Equal(ActivityTypes.Typing, r.Type));
        Assert.Equal("done", replies[^1].Text);
        Assert.Equal("user1", replies[0].Recipient!.Id);
        Assert.False(respondedBeforeReply);
    }

    [Fact]
    public async Task Fast_turn_sends_no_typing()
    {
        var adapter = new TestAdapter().Use(new ShowTypingMiddleware(delay: 1000, period: 1000));

        await adapter.SendTextToBotAsync("hi", (context, ct) => context.SendActivityAsync("quick", cancellationToken: ct));
        await Task.Delay(50);

        Assert.Equal(["quick"], Drain(adapter).Select(r => r.Text));
    }

    [Theory]
    [InlineData(ActivityTypes.Event, RoleTypes.User)]
    [InlineData(ActivityTypes.Message, RoleTypes.Bot)]
    public async Task No_typing_for_non_messages_or_the_bots_own_activities(string type, string role)
    {
        var adapter = new TestAdapter().Use(new ShowTypingMiddleware(delay: 0, period: 20));
        var activity = new Activity(type) { From = new ChannelAccount(role == RoleTypes.Bot ? "bot" : "user1", role: role) };

        await new TypingProbe(adapter).RunAsync(activity);

        Assert.Empty(Drain(adapter));
    }

    private static List<Activity> Drain(TestAdapter adapter)
    {
        var replies = new List<Activity>();
        while (adapter.GetNextReply() is { } reply)
        {
            replies.Add(reply);
        }

        return replies;
    }

    private sealed class TypingProbe(TestAdapter adapter)
    {
        public Task RunAsync(Activity activity)
        {
            // TestAdapter.ProcessActivityAsync re-addresses bot activities as the user, so run the turn on a raw context.
            activity.ChannelId = Channels.Test;
            activity.Recipient = new ChannelAccount("bot");
            activity.Conversation = new ConversationAccount(id: "convo1");
            var context = new TurnContext(adapter, activity);
            return adapter.MiddlewareSet.ReceiveActivityWithStatusAsync(context, (_, ct) => Task.Delay(120, ct));
        }
    }
}
