namespace Bot.Knowledge.Handoffs;

/// <summary>A stored handoff (without its transcript).</summary>
public sealed record HandoffRecord(
    long Id,
    string ConversationId,
    string? UserId,
    string? ChannelId,
    string? Route,
    IReadOnlyList<string> Reasons,
    string Summary,
    string State,
    DateTimeOffset CreatedAt);
