namespace Bot.Knowledge.Handoffs;

/// <summary>
/// Conversations handed to people (table <c>handoffs</c>, with every change in <c>handoff_events</c>): the queue the
/// agent hub works. Changes are conditional updates, so two people can never take the same handoff.
/// </summary>
public interface IHandoffStore
{
    /// <summary>Queues a handoff (state <c>queued</c>, group = route) with its reasons, summary and transcript snapshot; returns its id.</summary>
    Task<long> CreateAsync(HandoffRequest request, CancellationToken cancellationToken);

    /// <summary>The conversation's open (queued or assigned) handoff, or null.</summary>
    Task<HandoffRecord?> FindOpenAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>The handoff, or null.</summary>
    Task<HandoffRecord?> FindAsync(long id, CancellationToken cancellationToken);

    /// <summary>Handoffs in a state (open ones when null), oldest first.</summary>
    Task<IReadOnlyList<HandoffRecord>> ListAsync(string? state, int limit, CancellationToken cancellationToken);

    /// <summary>Queued handoffs that entered the queue before <paramref name="before"/>.</summary>
    Task<IReadOnlyList<HandoffRecord>> QueuedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>Open handoffs whose conversation has expired (the customer left without saying so).</summary>
    Task<IReadOnlyList<HandoffRecord>> OpenInExpiredConversationsAsync(CancellationToken cancellationToken);

    /// <summary>Routes an open handoff to an agent group.</summary>
    Task<HandoffRecord?> SetGroupAsync(long id, string group, CancellationToken cancellationToken);

    /// <summary>Assigns a queued handoff to <paramref name="agent"/>; null when it is not queued (someone else was first).</summary>
    Task<HandoffRecord?> TakeAsync(long id, string agent, CancellationToken cancellationToken);

    /// <summary>Makes the transition; null when the handoff is not in an allowed state (or not held by the agent required).</summary>
    Task<HandoffRecord?> TransitionAsync(HandoffTransition transition, CancellationToken cancellationToken);

    /// <summary>Puts an open handoff back in the queue for another agent or group; null when it cannot be.</summary>
    Task<HandoffRecord?> TransferAsync(HandoffTransfer transfer, CancellationToken cancellationToken);

    /// <summary>Replaces the agent's notes on the handoff; false when it does not exist.</summary>
    Task<bool> SaveNotesAsync(long id, string notes, CancellationToken cancellationToken);

    /// <summary>Stores the message the customer left after a time-out; false when the handoff does not exist.</summary>
    Task<bool> LeaveMessageAsync(long id, string text, CancellationToken cancellationToken);
}
