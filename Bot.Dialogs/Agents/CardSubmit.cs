using System.Text.Json;
using Bot.Core.Schema;

namespace Bot.Dialogs.Agents;

/// <summary>The data of an Adaptive Card <c>Action.Submit</c> (or <c>Action.Execute</c>) the bot's cards send back.</summary>
public sealed record CardSubmit(string Action, string? Rating, string? AnswerKey, string? Comment)
{
    /// <summary>The handoff a satisfaction rating is about.</summary>
    public string? HandoffId { get; init; }

    public const string Feedback = "feedback";
    public const string Handoff = "handoff";
    public const string Satisfaction = "satisfaction";

    /// <summary>Reads a card submit from a message's <c>value</c>; null when the value is not one of ours.</summary>
    public static CardSubmit? From(object? value)
    {
        if (value is null)
        {
            return null;
        }
        var element = value is JsonElement json ? json : JsonSerializer.SerializeToElement(value, BotJson.Options);
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.String)
        {
            return null;
        }
        return new CardSubmit(action.GetString()!, Text(element, "rating"), Text(element, "answerKey"), Text(element, "comment"))
        {
            HandoffId = Text(element, "handoffId"),
        };
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;
}
