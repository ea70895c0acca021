namespace Bot.Knowledge.Turns;

/// <summary>One record per bot reply (table <c>turns</c>): route, confidence, intent, escalation, answer source, sources, latency.</summary>
public interface ITurnStore
{
    /// <summary>Stores a turn record and returns its id.</summary>
    Task<long> RecordAsync(TurnRecord turn, CancellationToken cancellationToken);

    /// <summary>The record of the reply with this activity id, or null.</summary>
    Task<TurnRecord?> FindByReplyAsync(string replyActivityId, CancellationToken cancellationToken);

    /// <summary>A conversation's records, oldest first.</summary>
    Task<IReadOnlyList<TurnRecord>> ForConversationAsync(string conversationId, CancellationToken cancellationToken);
}
