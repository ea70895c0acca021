using Prometheus;

namespace Bot.Observability;

/// <summary>
/// prometheus-net starts listening to .NET meters just before its first collection; one collection at start-up makes
/// it listen from the start, so measurements made before Prometheus first scrapes <c>/metrics</c> are not lost.
/// </summary>
public sealed class MeterPublishingStartup : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Metrics.DefaultRegistry.CollectAndExportAsTextAsync(Stream.Null, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
