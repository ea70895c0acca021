using System.Globalization;
using System.Text.Json.Nodes;
using Bot.Dialogs.Cards;
using Bot.Knowledge.Handoffs;

namespace Bot.Hub;

/// <summary>Builds what the hub shows of a handoff: its view with the last messages and the filled-in handoff card, or its detail.</summary>
public sealed class HandoffViews(TranscriptItems transcripts, AgentAccountStore accounts, CardLibrary cards, TimeProvider clock)
{
    public const int LastMessageCount = 5;

    public async Task<HandoffView> ViewAsync(HandoffRecord handoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        var items = await transcripts.ReadAsync(handoff.ConversationId, handoff.UserId, cancellationToken);
        return await ViewAsync(handoff, items, cancellationToken);
    }

    public async Task<HandoffDetail> DetailAsync(HandoffRecord handoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        var items = await transcripts.ReadAsync(handoff.ConversationId, handoff.UserId, cancellationToken);
        return new HandoffDetail(await ViewAsync(handoff, items, cancellationToken), items, handoff.Notes);
    }

    private async Task<HandoffView> ViewAsync(HandoffRecord handoff, IReadOnlyList<TranscriptItem> items, CancellationToken cancellationToken)
    {
        var last = items.TakeLast(LastMessageCount).ToList();
        var assignedToName = handoff.AssignedTo is { } username
            ? (await accounts.FindAsync(username, cancellationToken))?.DisplayName ?? username
            : null;
        var waiting = Waiting(handoff);
        return new HandoffView(
            handoff.Id, handoff.ConversationId, handoff.UserId, handoff.UserName, handoff.ChannelId, handoff.Route, handoff.Group,
            handoff.Reasons, handoff.Summary, handoff.State, handoff.Outcome, handoff.AssignedTo, assignedToName,
            handoff.CreatedAt, handoff.AssignedAt, handoff.ClosedAt, (long)waiting.TotalSeconds, last, Card(handoff, last, waiting))
        {
            CustomerMessage = handoff.CustomerMessage,
            RequestedAgent = handoff.RequestedAgent,
        };
    }

    /// <summary>How long the customer waited (or has been waiting) for a person.</summary>
    private TimeSpan Waiting(HandoffRecord handoff)
    {
        var end = handoff.AssignedAt ?? handoff.ClosedAt ?? clock.GetUtcNow();
        var waited = end - handoff.CreatedAt;
        return waited < TimeSpan.Zero ? TimeSpan.Zero : waited;
    }

    private JsonObject Card(HandoffRecord handoff, IReadOnlyList<TranscriptItem> last, TimeSpan waiting)
    {
        var messages = new JsonArray();
        foreach (var item in last)
        {
            messages.Add(new JsonObject { ["speaker"] = Speaker(item), ["text"] = item.Text });
        }
        var data = new JsonObject
        {
            ["id"] = handoff.Id.ToString(CultureInfo.InvariantCulture),
            ["customer"] = handoff.UserName ?? "Customer " + Short(handoff.UserId),
            ["route"] = handoff.Route ?? "general",
            ["group"] = handoff.Group ?? handoff.Route ?? "general",
            ["reasons"] = handoff.Reasons.Count > 0 ? string.Join(", ", handoff.Reasons) : "-",
            ["channelId"] = handoff.ChannelId ?? "-",
            ["waiting"] = waiting.TotalMinutes >= 1 ? $"{(int)waiting.TotalMinutes} min" : $"{(int)waiting.TotalSeconds} s",
            ["summary"] = handoff.Summary,
            ["lastMessages"] = messages,
        };
        return (JsonObject)cards.Render("handoff", data).Content!;
    }

    private static string Speaker(TranscriptItem item) => item.From switch
    {
        TranscriptItem.Customer => "Customer",
        TranscriptItem.Agent => item.Name ?? "Agent",
        TranscriptItem.Bot => "Bot",
        _ => "System",
    };

    private static string Short(string? userId) => userId is null ? "" : userId.Length <= 8 ? userId : userId[^8..];
}
