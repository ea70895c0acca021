using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Bot.Hub;

/// <summary>A handoff as the hub's queue shows it (contract: HandoffView).</summary>
public record HandoffView(
    long Id,
    string ConversationId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? UserId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? UserName,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ChannelId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Route,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Group,
    IReadOnlyList<string> Reasons,
    string Summary,
    string State,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Outcome,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? AssignedTo,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? AssignedToName,
    DateTimeOffset CreatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? AssignedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? ClosedAt,
    long WaitingSeconds,
    IReadOnlyList<TranscriptItem> LastMessages,
    JsonObject Card)
{
    /// <summary>The message the customer left when nobody was free (not in the contract's first version).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? CustomerMessage { get; init; }

    /// <summary>The agent the handoff was transferred to by name, if any.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? RequestedAgent { get; init; }
}
