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
}
