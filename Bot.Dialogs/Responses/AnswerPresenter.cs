using System.Text;
using System.Text.Json.Nodes;
using Bot.Core;
using Bot.Core.Schema;
using Bot.Dialogs.Cards;

namespace Bot.Dialogs.Responses;

/// <summary>
/// Turns an answer into the activity a channel can show: the answer card (<c>cards/answer.json</c>: the answer, its
/// sources, 👍/👎, a comment box and "Talk to a person") where Adaptive Cards work, with <c>Action.Execute</c> for
/// Teams; the answer and its sources as plain text elsewhere.
/// </summary>
public sealed class AnswerPresenter(CardLibrary cards)
{
    public const string CardName = "answer";
    public const int MaxSummaryLength = 200;

    /// <param name="channelId">The channel the reply goes to.</param>
    /// <param name="text">The answer as the customer should read it.</param>
    /// <param name="answer">The composed answer (its sources).</param>
    /// <param name="answerKey">The key a card submit sends back.</param>
    /// <param name="note">A line under the answer (e.g. that the support team wrote it), or null.</param>
    public Activity Present(string? channelId, string text, ComposedAnswer answer, string answerKey, string? note)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (!ChannelCapabilities.SupportsAdaptiveCards(channelId))
        {
            return MessageFactory.Text(PlainText(text, answer, note));
        }
        var attachment = cards.Render(CardName, CardData(text, answer, answerKey, note));
        if (ChannelCapabilities.PrefersExecuteActions(channelId) && attachment.Content is JsonObject card)
        {
            UseExecuteActions(card);
        }
        // The card carries the answer (and its own fallbackText), so Web Chat does not show it twice; summary is for notifications.
        var reply = MessageFactory.Attachment(attachment);
        reply.Summary = text.Length <= MaxSummaryLength ? text : text[..MaxSummaryLength] + "…";
        return reply;
    }

    public static string PlainText(string text, ComposedAnswer answer, string? note)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var builder = new StringBuilder(text.Trim());
        if (note is not null)
        {
            builder.Append("\n\n").Append(note);
        }
        var sources = answer.Sources.DistinctBy(s => s.DocumentId).ToList();
        if (sources.Count > 0)
        {
            builder.Append("\n\n").Append(sources.Count == 1 ? "Source: " : "Sources: ");
            builder.AppendJoin("; ", sources.Select(s => s.Url is { Length: > 0 } url ? $"{s.Title} ({url})" : s.Title));
        }
        builder.Append("\n\nIf this doesn't solve it, say \"talk to a person\".");
        return builder.ToString();
    }

    private static JsonObject CardData(string text, ComposedAnswer answer, string answerKey, string? note) => new()
    {
        ["answer"] = text,
        ["answerKey"] = answerKey,
        ["note"] = note ?? "",
        ["hasSources"] = answer.Sources.Count > 0,
        ["sources"] = new JsonArray(answer.Sources
            .DistinctBy(s => s.DocumentId)
            .Select(s => (JsonNode)new JsonObject
            {
                ["title"] = s.Title,
                ["url"] = s.Url ?? "",
                ["label"] = s.Url is { Length: > 0 } url ? $"[{s.Title.Replace("]", ")", StringComparison.Ordinal)}]({url})" : s.Title,
            })
            .ToArray()),
    };

    /// <summary>Every <c>Action.Submit</c> (also inside show-cards) becomes an <c>Action.Execute</c> whose fallback is the submit.</summary>
    internal static void UseExecuteActions(JsonObject card)
    {
        if (card["actions"] is not JsonArray actions)
        {
            return;
        }
        for (var i = 0; i < actions.Count; i++)
        {
            if (actions[i] is not JsonObject action)
            {
                continue;
            }
            if (action["card"] is JsonObject nested)
            {
                UseExecuteActions(nested);
            }
            if ((string?)action["type"] != "Action.Submit")
            {
                continue;
            }
            var verb = action["data"] is JsonObject data && data["action"] is JsonValue value && value.TryGetValue<string>(out var name) ? name : "submit";
            var execute = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["title"] = action["title"]?.DeepClone(),
                ["verb"] = verb,
                ["data"] = action["data"]?.DeepClone(),
                ["fallback"] = action.DeepClone(),
            };
            actions[i] = execute;
        }
    }
}
