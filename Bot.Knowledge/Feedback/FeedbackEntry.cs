namespace Bot.Knowledge.Feedback;

/// <summary>A rating (+1 or -1) and/or a comment on the answer activity it refers to.</summary>
public sealed record FeedbackEntry(
    string ConversationId,
    string? AnswerActivityId,
    string? UserId,
    int? Rating,
    string? Comment,
    string? Question,
    IReadOnlyList<long> ChunkIds);
