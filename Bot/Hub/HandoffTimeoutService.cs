using Bot.Knowledge.Handoffs;
using Microsoft.Extensions.Options;

namespace Bot.Hub;

/// <summary>
/// Gives back to the bot the handoffs nobody took within <see cref="HubOptions.MaxQueueWait"/>: the bot tells the
/// customer and offers to pass on a message. The take and the time-out are both conditional on <c>state = 'queued'</c>,
/// so a handoff taken at the last moment stays taken. Open handoffs of conversations that expired (the customer left
/// without a word) close as <c>customer_left</c>.
/// </summary>
public sealed class HandoffTimeoutService(
    IHandoffStore store, HandoffDesk desk, IOptions<HubOptions> options, TimeProvider clock, ILogger<HandoffTimeoutService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.TimeoutCheckInterval > TimeSpan.Zero ? options.Value.TimeoutCheckInterval : TimeSpan.FromSeconds(15);
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Checking the handoff queue for time-outs failed");
            }
        }
    }

    /// <summary>Times out every handoff that has waited too long, and closes those whose customer left; returns how many changed.</summary>
    public async Task<int> CheckAsync(CancellationToken cancellationToken)
    {
        var left = await store.OpenInExpiredConversationsAsync(cancellationToken);
        foreach (var handoff in left)
        {
            await desk.CustomerLeftAsync(handoff.Id, cancellationToken);
        }
        var waited = await store.QueuedBeforeAsync(clock.GetUtcNow() - options.Value.MaxQueueWait, cancellationToken);
        foreach (var handoff in waited)
        {
            await desk.TimeOutAsync(handoff.Id, cancellationToken);
        }
        return left.Count + waited.Count;
    }
}
