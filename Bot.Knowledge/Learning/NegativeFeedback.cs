namespace Bot.Knowledge.Learning;

/// <summary>A thumbs-down on an answer: the question it answered and the chunks the answer came from.</summary>
public sealed record NegativeFeedback(
    string Question,
    IReadOnlyList<long> ChunkIds,
    string ConversationId,
    string? UserId,
    long? FeedbackId);
