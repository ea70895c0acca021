using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Bot.DirectLine;

/// <summary>
/// The per-token request limit: a token bucket per conversation and user (what a token stands for, so refreshing the
/// token does not reset it). Calls made with the secret are not limited: the secret only lives on trusted servers.
/// </summary>
public sealed class DirectLineRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;

    public DirectLineRateLimiter(IOptions<DirectLineOptions> options)
    {
        var o = options.Value;
        if (o.RateLimitBurst <= 0)
        {
            return;
        }
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, (long)(TimeSpan.TicksPerSecond / o.RateLimitPerSecond)));
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = o.RateLimitBurst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = false, // the partitioned limiter refills every partition on its own timer
        }));
    }

    /// <summary>Null when the call may go ahead; otherwise how long the caller should wait.</summary>
    public TimeSpan? TryAcquire(DirectLineCaller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (_limiter is null || caller.IsSecret)
        {
            return null;
        }
        using var lease = _limiter.AttemptAcquire($"{caller.ConversationId}\n{caller.UserId}");
        if (lease.IsAcquired)
        {
            return null;
        }
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero
            ? retryAfter
            : TimeSpan.FromSeconds(1);
    }

    public void Dispose() => _limiter?.Dispose();
}
