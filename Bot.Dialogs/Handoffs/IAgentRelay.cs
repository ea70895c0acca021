using Bot.Core.Schema;

namespace Bot.Dialogs.Handoffs;

/// <summary>
/// The way from the customer's conversation to the people of the agent hub while a person holds it (or it waits for
/// one). Implemented by the host; dialogs and the bot never talk to the hub any other way.
/// </summary>
public interface IAgentRelay
{
    /// <summary>A handoff was just queued (the hub announces it to the agents who may take it).</summary>
    Task HandoffQueuedAsync(long handoffId, CancellationToken cancellationToken);

    /// <summary>The customer wrote while the handoff is open: the message goes to the person (or the queue).</summary>
    Task CustomerMessageAsync(long handoffId, Activity message, CancellationToken cancellationToken);

    /// <summary>The customer is typing.</summary>
    Task CustomerTypingAsync(long handoffId, CancellationToken cancellationToken);

    /// <summary>The customer ended the conversation while the handoff was open.</summary>
    Task CustomerLeftAsync(long handoffId, CancellationToken cancellationToken);
}
