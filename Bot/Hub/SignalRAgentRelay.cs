using Bot.Core.Schema;
using Bot.Dialogs.Handoffs;

namespace Bot.Hub;

/// <summary>
/// The bot's way to the hub (<see cref="IAgentRelay"/>), through <see cref="HandoffDesk"/>. The desk is resolved on first
/// use: it reaches the bot (to send <c>handoff.status</c>) as the bot reaches it. A failure is logged, never the
/// customer's problem: the handoff is in the database and the queue shows it on the next read.
/// </summary>
public sealed class SignalRAgentRelay(IServiceProvider services, ILogger<SignalRAgentRelay> logger) : IAgentRelay
{
    private HandoffDesk Desk => services.GetRequiredService<HandoffDesk>();

    /// <inheritdoc/>
    public Task HandoffQueuedAsync(long handoffId, CancellationToken cancellationToken) =>
        SafelyAsync(handoffId, "queued", () => Desk.HandoffQueuedAsync(handoffId, cancellationToken));

    /// <inheritdoc/>
    public Task CustomerMessageAsync(long handoffId, Activity message, CancellationToken cancellationToken) =>
        SafelyAsync(handoffId, "customer message", () => Desk.CustomerMessageAsync(handoffId, message, cancellationToken));

    /// <inheritdoc/>
    public Task CustomerTypingAsync(long handoffId, CancellationToken cancellationToken) =>
        SafelyAsync(handoffId, "customer typing", () => Desk.CustomerTypingAsync(handoffId, cancellationToken));

    /// <inheritdoc/>
    public Task CustomerLeftAsync(long handoffId, CancellationToken cancellationToken) =>
        SafelyAsync(handoffId, "customer left", () => Desk.CustomerLeftAsync(handoffId, cancellationToken));

    private async Task SafelyAsync(long handoffId, string what, Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not relay {What} of handoff {HandoffId} to the hub", what, handoffId);
        }
    }
}
