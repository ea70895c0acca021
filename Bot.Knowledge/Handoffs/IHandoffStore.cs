namespace Bot.Knowledge.Handoffs;

/// <summary>Conversations handed to people (table <c>handoffs</c>): the queue the agent hub works.</summary>
public interface IHandoffStore
{
    /// <summary>Queues a handoff (state <c>queued</c>) with its reasons, summary and transcript snapshot; returns its id.</summary>
    Task<long> CreateAsync(HandoffRequest request, CancellationToken cancellationToken);

    /// <summary>The conversation's newest handoff that is not resolved, or null.</summary>
    Task<HandoffRecord?> FindOpenAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Handoffs in a state (all when null), oldest first.</summary>
    Task<IReadOnlyList<HandoffRecord>> ListAsync(string? state, int limit, CancellationToken cancellationToken);
}
