using System.Text;
using System.Text.Json;
using Bot.Core;
using Bot.Core.Schema;
using Bot.Core.Testing;

namespace Bot.Evaluation;

/// <summary>
/// Sends messages to the bot in memory (the test adapter, the real dialogs and stores) and reads what it did from the
/// replies' <c>channelData.supportTrace</c>. Each conversation has its own user, so memory of earlier conversations
/// never leaks between evaluation cases.
/// </summary>
public sealed class BotProbe(IBot bot)
{
    private readonly Dictionary<string, TestAdapter> _conversations = new(StringComparer.Ordinal);

    /// <summary>A message in a new conversation.</summary>
    public Task<ProbeReply> AskAsync(string text, CancellationToken cancellationToken) =>
        SayAsync("eval-" + Guid.NewGuid().ToString("N"), text, cancellationToken);

    /// <summary>A message in the named conversation (created on first use).</summary>
    public Task<ProbeReply> SayAsync(string conversation, string text, CancellationToken cancellationToken)
    {
        var adapter = Adapter(conversation);
        return RunAsync(adapter, adapter.MakeActivity(text), cancellationToken);
    }

    /// <summary>A card submit (e.g. a thumbs-down) in the named conversation.</summary>
    public Task<ProbeReply> SubmitAsync(string conversation, JsonElement value, CancellationToken cancellationToken)
    {
        var adapter = Adapter(conversation);
        var activity = adapter.MakeActivity();
        activity.Value = value;
        return RunAsync(adapter, activity, cancellationToken);
    }

    private TestAdapter Adapter(string conversation)
    {
        if (!_conversations.TryGetValue(conversation, out var adapter))
        {
            adapter = new TestAdapter(TestAdapter.CreateConversation(conversation, "u" + Guid.NewGuid().ToString("N")[..12]));
            _conversations[conversation] = adapter;
        }
        return adapter;
    }

    private async Task<ProbeReply> RunAsync(TestAdapter adapter, Activity activity, CancellationToken cancellationToken)
    {
        await adapter.ProcessActivityAsync(activity, bot.OnTurnAsync, cancellationToken);
        var replies = new List<Activity>();
        while (adapter.GetNextReply() is { } reply)
        {
            replies.Add(reply);
        }
        return Read(replies);
    }

    private static ProbeReply Read(List<Activity> replies)
    {
        JsonElement? trace = null;
        JsonElement? thumbsDown = null;
        var text = new StringBuilder();
        foreach (var reply in replies.Where(r => r.Type == ActivityTypes.Message))
        {
            text.AppendLine(reply.Text).AppendLine(reply.Summary);
            if (reply.ChannelData is not null)
            {
                var channelData = JsonSerializer.SerializeToElement(reply.ChannelData, BotJson.Options);
                if (channelData.ValueKind == JsonValueKind.Object && channelData.TryGetProperty("supportTrace", out var found))
                {
                    trace = found.Clone();
                }
            }
            foreach (var attachment in reply.Attachments ?? [])
            {
                var card = JsonSerializer.SerializeToElement(attachment.Content, BotJson.Options);
                CollectText(card, text);
                thumbsDown ??= FindThumbsDown(card);
            }
        }
        var handoff = replies.Any(r => r.Type == ActivityTypes.Event && r.Name == HandoffEventNames.InitiateHandoff);
        if (trace is not { } t)
        {
            return new ProbeReply(null, 0, null, handoff, [], "none", [], text.ToString(), handoff, thumbsDown);
        }
        return new ProbeReply(
            String(t, "route"),
            t.TryGetProperty("confidence", out var confidence) && confidence.ValueKind == JsonValueKind.Number ? confidence.GetDouble() : 0,
            String(t, "intent"),
            t.TryGetProperty("escalated", out var escalated) && escalated.ValueKind == JsonValueKind.True,
            t.TryGetProperty("reasons", out var reasons) && reasons.ValueKind == JsonValueKind.Array
                ? reasons.EnumerateArray().Select(r => r.GetString() ?? "").ToList()
                : [],
            String(t, "answerSource") ?? "none",
            t.TryGetProperty("sources", out var sources) && sources.ValueKind == JsonValueKind.Array
                ? sources.EnumerateArray().Where(s => s.TryGetProperty("documentId", out _)).Select(s => s.GetProperty("documentId").GetInt64()).ToList()
                : [],
            text.ToString(),
            handoff,
            thumbsDown);
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static void CollectText(JsonElement element, StringBuilder text)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name is "text" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        text.AppendLine(property.Value.GetString());
                    }
                    else
                    {
                        CollectText(property.Value, text);
                    }
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    CollectText(item, text);
                }
                break;
        }
    }

    private static JsonElement? FindThumbsDown(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                    && data.TryGetProperty("rating", out var rating) && rating.ValueKind == JsonValueKind.String && rating.GetString() == "down")
                {
                    return data.Clone();
                }
                foreach (var property in element.EnumerateObject())
                {
                    if (FindThumbsDown(property.Value) is { } found)
                    {
                        return found;
                    }
                }
                return null;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (FindThumbsDown(item) is { } found)
                    {
                        return found;
                    }
                }
                return null;
            default:
                return null;
        }
    }
}
