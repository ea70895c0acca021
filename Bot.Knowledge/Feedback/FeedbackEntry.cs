namespace Bot.Knowledge.Feedback;

/// <summary>A rating (+1 or -1) and/or a comment on the answer activity it refers to, or a satisfaction rating of a handoff.</summary>
public sealed record FeedbackEntry(
    string ConversationId,
    string? AnswerActivityId,
    string? UserId,
    int? Rating,
    string? Comment,
    string? Question,
    IReadOnlyList<long> ChunkIds)
{
    /// <summary>The handoff a satisfaction rating is about.</summary>
    public long? HandoffId { get; init; }

    /// <summary>How satisfied the customer was with the person who helped, 1 to 5.</summary>
    public int? Satisfaction { get; init; }
}
