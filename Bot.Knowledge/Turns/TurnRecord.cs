namespace Bot.Knowledge.Turns;

/// <summary>What the agents decided for one reply of the bot (its support trace), with where it was sent.</summary>
public sealed record TurnRecord(
    string ConversationId,
    string? ChannelId,
    string? UserId,
    string? ReplyActivityId,
    string? Route,
    double Confidence,
    string? Intent,
    bool Escalated,
    IReadOnlyList<string> Reasons,
    string AnswerSource,
    IReadOnlyList<long> SourceIds,
    int LatencyMs)
{
    /// <summary>The row id; 0 until stored.</summary>
    public long Id { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>The customer's question with personal data redacted (see <c>PiiRedactor</c>), when the reply answered one.</summary>
    public string? Question { get; init; }

    /// <summary>How long each agent step took, when it ran.</summary>
    public TurnStepLatencies Steps { get; init; } = TurnStepLatencies.None;

    /// <summary>The learned answer given, when the reply was one.</summary>
    public long? LearnedAnswerId { get; init; }
}

/// <summary>Milliseconds spent in each agent step of a turn; null for a step that did not run.</summary>
public sealed record TurnStepLatencies(int? RouterMs, int? SearchMs, int? EscalationMs, int? ResponseMs)
{
    public static readonly TurnStepLatencies None = new(null, null, null, null);
}
