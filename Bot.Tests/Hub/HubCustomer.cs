using System.Text.Json;
using Bot.Core.Schema;
using Bot.Tests.Infrastructure;
using Bot.Tests.Memory;

namespace Bot.Tests.Hub;

/// <summary>A Direct Line customer for hub tests: a session (posts, polling by watermark) and its WebSocket stream.</summary>
public sealed class HubCustomer : IAsyncDisposable
{
    private HubCustomer(DirectLineSession session, StreamSocket stream)
    {
        Session = session;
        Stream = stream;
    }

    private readonly List<Activity> _seen = [];

    public DirectLineSession Session { get; }

    public StreamSocket Stream { get; }

    public string ConversationId => Session.ConversationId;

    public static async Task<HubCustomer> StartAsync(HttpClient http, string name)
    {
        var session = await DirectLineSession.StartAsync(http, userName: name);
        await session.BotRepliesAsync();
        var streamUrl = await new DirectLineTestClient(http).StreamUrlAsync(session.ConversationId, session.Token);
        return new HubCustomer(session, await StreamSocket.ConnectAsync(streamUrl));
    }

    /// <summary>Asks for a person; returns the handoff's id from the database.</summary>
    public async Task<long> AskForAPersonAsync(TestDatabase database)
    {
        var replies = await Session.AskAsync("I want to talk to a human");
        Assert.Contains(replies, r => r.Type == ActivityTypes.Message && r.Text!.Contains("member of our support team", StringComparison.Ordinal));
        return await database.CountAsync("SELECT max(id) FROM handoffs WHERE conversation_id = $1", ConversationId);
    }

    /// <summary>Polls the conversation until an activity matches (events from the hub arrive after the agent's call returns).</summary>
    public async Task<Activity> WaitForAsync(Func<Activity, bool> match, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        var seen = _seen;
        while (DateTime.UtcNow < deadline)
        {
            seen.AddRange(await Session.BotRepliesAsync());
            if (seen.FirstOrDefault(match) is { } hit)
            {
                seen.Remove(hit);
                return hit;
            }
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException("Not received; saw: " + string.Join(" | ", seen.Select(a => $"{a.Type}:{a.Name}:{a.Text}")));
    }

    public static bool IsStatus(Activity activity, string state) =>
        activity.Type == ActivityTypes.Event && activity.Name == "handoff.status"
        && JsonSerializer.SerializeToElement(activity.Value, BotJson.Options).GetProperty("state").GetString() == state;

    public ValueTask DisposeAsync() => Stream.DisposeAsync();
}
