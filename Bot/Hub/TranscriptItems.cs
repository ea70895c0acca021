using System.Text.Json;
using Bot.Core.Schema;
using Bot.Dialogs.Responses;
using Bot.Knowledge.Transcripts;
using Bot.Knowledge.Turns;

namespace Bot.Hub;

/// <summary>Turns a conversation's stored activities into the hub's plain-text transcript lines.</summary>
public sealed class TranscriptItems(ITranscriptStore transcripts, ITurnStore turns)
{
    private const int MaxActivities = 2000;

    /// <summary>The conversation's messages, oldest first; bot answers carry the question they answered.</summary>
    public async Task<IReadOnlyList<TranscriptItem>> ReadAsync(string conversationId, string? customerId, CancellationToken cancellationToken)
    {
        var entries = await transcripts.ReadAsync(conversationId, -1, MaxActivities, cancellationToken);
        var answers = (await turns.ForConversationAsync(conversationId, cancellationToken))
            .Where(t => t.ReplyActivityId is not null && t.AnswerSource != AnswerSources.None)
            .GroupBy(t => t.ReplyActivityId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var items = new List<TranscriptItem>();
        string? lastQuestion = null;
        foreach (var entry in entries)
        {
            if (From(entry.Activity, customerId) is not { } item)
            {
                continue;
            }
            if (item.From == TranscriptItem.Customer)
            {
                lastQuestion = item.Text;
            }
            else if (item.From == TranscriptItem.Bot && lastQuestion is not null && answers.TryGetValue(item.Id, out var turn))
            {
                item = item with { Answer = new AnsweredQuestion(lastQuestion, turn.Route) };
            }
            items.Add(item);
        }
        return items;
    }

    /// <summary>The line for one activity, or null when it is not a message (events, typing, updates).</summary>
    public static TranscriptItem? From(Activity activity, string? customerId)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Type != ActivityTypes.Message)
        {
            return null;
        }
        var text = TextOf(activity);
        if (text.Length == 0)
        {
            return null;
        }
        var id = activity.Id ?? "";
        var timestamp = activity.Timestamp ?? DateTimeOffset.UtcNow;
        if (activity.From?.Role == RoleTypes.Bot || (customerId is not null && activity.From?.Id != customerId))
        {
            return AgentName(activity) is { } agent
                ? new TranscriptItem(id, TranscriptItem.Agent, agent, text, timestamp, null)
                : new TranscriptItem(id, TranscriptItem.Bot, activity.From?.Name, text, timestamp, null);
        }
        return new TranscriptItem(id, TranscriptItem.Customer, activity.From?.Name, text, timestamp, null);
    }

    /// <summary>The agent's name of a message a person sent through the bot (<c>channelData.agent.name</c>), or null.</summary>
    public static string? AgentName(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ChannelData is null)
        {
            return null;
        }
        var data = activity.ChannelData is JsonElement json ? json : JsonSerializer.SerializeToElement(activity.ChannelData, BotJson.Options);
        return data.ValueKind == JsonValueKind.Object
               && data.TryGetProperty("agent", out var agent) && agent.ValueKind == JsonValueKind.Object
               && agent.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
            ? name.GetString()
            : null;
    }

    /// <summary>The message's text, or what its card says (fallback text, else the first text block), as plain text.</summary>
    public static string TextOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!string.IsNullOrWhiteSpace(activity.Text))
        {
            return activity.Text.Trim();
        }
        foreach (var attachment in activity.Attachments ?? [])
        {
            if (attachment.Content is null)
            {
                if (attachment.Name is { Length: > 0 } fileName)
                {
                    return $"[file: {fileName}]";
                }
                continue;
            }
            var content = attachment.Content is JsonElement element ? element : JsonSerializer.SerializeToElement(attachment.Content, BotJson.Options);
            if (content.ValueKind != JsonValueKind.Object)
            {
                continue;
            }
            if (content.TryGetProperty("fallbackText", out var fallback) && fallback.ValueKind == JsonValueKind.String && fallback.GetString() is { Length: > 0 } f)
            {
                return f;
            }
            if (content.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.Array)
            {
                foreach (var block in body.EnumerateArray())
                {
                    if (block.ValueKind == JsonValueKind.Object && block.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String
                        && t.GetString() is { Length: > 0 } blockText)
                    {
                        return blockText;
                    }
                }
            }
        }
        return activity.Value is not null ? "[card action]" : "";
    }
}
