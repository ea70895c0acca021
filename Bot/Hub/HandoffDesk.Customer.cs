using Bot.Core.Schema;
using Bot.Knowledge.Handoffs;

namespace Bot.Hub;

/// <summary>The customer's side of the desk: what the bot relays (a new handoff, messages, typing, leaving) and the queue time-out.</summary>
public sealed partial class HandoffDesk
{
    /// <summary>The bot queued a handoff: route it to its group and tell the people who may take it.</summary>
    public async Task HandoffQueuedAsync(long id, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } handoff)
        {
            return;
        }
        var group = options.Value.GroupFor(handoff.Route);
        if (handoff.Group != group)
        {
            handoff = await store.SetGroupAsync(id, group, cancellationToken) ?? handoff;
        }
        await notifier.HandoffQueuedAsync(await views.ViewAsync(handoff, cancellationToken), cancellationToken);
    }

    /// <summary>A customer message during an open handoff goes to the people watching it.</summary>
    public async Task CustomerMessageAsync(long id, Activity message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (await store.FindAsync(id, cancellationToken) is not { } handoff || TranscriptItems.From(message, handoff.UserId) is not { } item)
        {
            return;
        }
        await notifier.CustomerMessageAsync(handoff, item with { From = TranscriptItem.Customer }, cancellationToken);
    }

    public async Task CustomerTypingAsync(long id, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is { } handoff)
        {
            await notifier.CustomerTypingAsync(handoff, cancellationToken);
        }
    }

    /// <summary>The customer ended the conversation: the handoff closes as <c>customer_left</c> (nothing is sent to the gone customer).</summary>
    public async Task CustomerLeftAsync(long id, CancellationToken cancellationToken)
    {
        var closed = await store.TransitionAsync(
            new HandoffTransition(id, "customer", Open, HandoffStates.Released, HandoffOutcomes.CustomerLeft), cancellationToken);
        if (closed is not null)
        {
            await notifier.HandoffChangedAsync(await views.ViewAsync(closed, cancellationToken), null, cancellationToken);
        }
    }

    /// <summary>Nobody took the handoff in time: back to the bot, which tells the customer and offers to take a message.</summary>
    public async Task TimeOutAsync(long id, CancellationToken cancellationToken)
    {
        var closed = await store.TransitionAsync(
            new HandoffTransition(id, "hub", [HandoffStates.Queued], HandoffStates.Released, HandoffOutcomes.TimedOut, Detail: "nobody took it in time"),
            cancellationToken);
        if (closed is null)
        {
            return;
        }
        logger.LogInformation("Handoff {HandoffId} timed out in the queue", id);
        await SendStatusAsync(closed, new HandoffStatusEvent("failed", "Nobody from the support team is available right now.", id, HandoffOutcomes.TimedOut, null), cancellationToken);
        await notifier.HandoffChangedAsync(await views.ViewAsync(closed, cancellationToken), null, cancellationToken);
    }
}
