using System.Text.Json;
using Bot.Core.Schema;

namespace Bot.Dialogs.Handoffs;

/// <summary>
/// The <c>value</c> of a <c>handoff.status</c> event (protocol §6.2): <c>state</c> and <c>message</c>, plus the fields
/// this hub adds (the handoff's id, its outcome, and the agent who accepted it).
/// </summary>
public sealed record HandoffStatus(string State, string? Message, long? HandoffId, string? Outcome, string? AgentName)
{
    public const string Accepted = "accepted";
    public const string Failed = "failed";
    public const string Completed = "completed";

    /// <summary>Reads the event's value; null when it has no <c>state</c>.</summary>
    public static HandoffStatus? From(object? value)
    {
        if (value is null)
        {
            return null;
        }
        var element = value is JsonElement json ? json : JsonSerializer.SerializeToElement(value, BotJson.Options);
        if (element.ValueKind != JsonValueKind.Object || Text(element, "state") is not { } state)
        {
            return null;
        }
        long? handoffId = element.TryGetProperty("handoffId", out var id) && id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out var n) ? n : null;
        var agent = element.TryGetProperty("agent", out var a) && a.ValueKind == JsonValueKind.Object ? Text(a, "name") : null;
        return new HandoffStatus(state, Text(element, "message"), handoffId, Text(element, "outcome"), agent);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
