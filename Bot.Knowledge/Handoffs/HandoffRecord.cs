namespace Bot.Knowledge.Handoffs;

/// <summary>A stored handoff (without its transcript snapshot).</summary>
public sealed record HandoffRecord(
    long Id,
    string ConversationId,
    string? UserId,
    string? ChannelId,
    string? Route,
    IReadOnlyList<string> Reasons,
    string Summary,
    string State,
    DateTimeOffset CreatedAt)
{
    /// <summary>Why it left the queue: <see cref="HandoffOutcomes"/>; null while open.</summary>
    public string? Outcome { get; init; }

    /// <summary>The agent group it is routed to.</summary>
    public string? Group { get; init; }

    /// <summary>The agent it was transferred to by name, if any.</summary>
    public string? RequestedAgent { get; init; }

    public string? UserName { get; init; }

    /// <summary>The username of the agent holding (or who last held) it.</summary>
    public string? AssignedTo { get; init; }

    public DateTimeOffset? AssignedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public string Notes { get; init; } = "";

    /// <summary>The message the customer left after nobody took the handoff in time.</summary>
    public string? CustomerMessage { get; init; }

    public bool IsOpen => State is HandoffStates.Queued or HandoffStates.Assigned;
}
