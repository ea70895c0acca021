using Bot.Knowledge.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Dialogs.Routing;

/// <summary>
/// At start-up (after the database is migrated): loads the seed examples into an empty table and trains the router,
/// so the first customer does not wait for it. A failure is logged, not fatal: the router then loads at the first message.
/// </summary>
public sealed class RouterStartup(RouterExampleSeeder seeder, ExampleRouterModel model, ILogger<RouterStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await seeder.SeedIfEmptyAsync(cancellationToken);
            await model.WarmUpAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not prepare the router at start-up; it will load its examples at the first message");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
