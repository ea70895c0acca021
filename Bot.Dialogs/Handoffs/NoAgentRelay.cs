using Bot.Core.Schema;

namespace Bot.Dialogs.Handoffs;

/// <summary>The relay when no agent hub runs (dialog tests, tools): the handoff stays in the database for later.</summary>
public sealed class NoAgentRelay : IAgentRelay
{
    /// <inheritdoc/>
    public Task HandoffQueuedAsync(long handoffId, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task CustomerMessageAsync(long handoffId, Activity message, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task CustomerTypingAsync(long handoffId, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task CustomerLeftAsync(long handoffId, CancellationToken cancellationToken) => Task.CompletedTask;
}
