using Microsoft.Extensions.Options;
using Npgsql;

namespace Bot.Observability;

/// <summary>Runs <c>SELECT 1</c> now and then so <c>northwind_supportbot_database_up</c> (1 or 0) shows whether the database answers.</summary>
public sealed class DatabaseProbe(NpgsqlDataSource dataSource, IOptions<TelemetryOptions> options, ILogger<DatabaseProbe> logger) : BackgroundService
{
    private volatile int _up = 1;

    public int Up => _up;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.DatabaseProbeInterval);
        do
        {
            await ProbeAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(timeout.Token);
            _up = 1;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            if (_up == 1)
            {
                logger.LogError(ex, "The database does not answer");
            }
            _up = 0;
        }
    }
}
