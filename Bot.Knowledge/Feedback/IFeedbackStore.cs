namespace Bot.Knowledge.Feedback;

/// <summary>Ratings and comments customers give the bot's answers.</summary>
public interface IFeedbackStore
{
    /// <summary>Stores one piece of feedback and returns its id.</summary>
    Task<long> RecordAsync(FeedbackEntry entry, CancellationToken cancellationToken);

    /// <summary>Feedback given in a conversation, oldest first.</summary>
    Task<IReadOnlyList<FeedbackEntry>> ForConversationAsync(string conversationId, CancellationToken cancellationToken);
}
