using Microsoft.Extensions.Options;

namespace Bot.DirectLine;

/// <summary>
/// Every <see cref="DirectLineOptions.ExpirySweepInterval"/>: marks idle Direct Line conversations expired, and closes the
/// sockets this process holds on expired conversations (also those another replica marked), cleanly, with a reason.
/// </summary>
public sealed class ConversationExpiryService(
    DirectLineConversations conversations,
    ConversationStreams streams,
    IOptions<DirectLineOptions> options,
    ILogger<ConversationExpiryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.ConversationIdleTimeout is not { } idle || idle <= TimeSpan.Zero)
        {
            return;
        }
        using var timer = new PeriodicTimer(options.Value.ExpirySweepInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await SweepAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One pass; failures (the database restarting, say) are logged and the next pass tries again.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        try
        {
            var expired = await conversations.ExpireIdleAsync(cancellationToken);
            if (expired.Count > 0)
            {
                logger.LogInformation("Expired {Count} idle Direct Line conversation(s)", expired.Count);
            }
            var open = streams.OpenConversationIds;
            foreach (var conversationId in expired.Concat(await conversations.ExpiredAmongAsync(open, cancellationToken)).Distinct(StringComparer.Ordinal))
            {
                streams.Close(conversationId, StreamCloseReason.Expired);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "The idle conversation sweep failed; retrying at the next interval");
        }
    }
}
