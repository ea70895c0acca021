using Bot.Knowledge.Database;
using Bot.Knowledge.Ingestion;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bot.Hosting;

/// <summary>Before the host takes requests: applies pending migrations and loads the sample knowledge base into an empty one.</summary>
public sealed class DatabaseStartup(
    DatabaseMigrator migrator, NpgsqlDataSource dataSource, KnowledgeSeeder seeder, IOptions<DatabaseOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MigrateOnStartup)
        {
            migrator.Migrate();
            await dataSource.ReloadTypesAsync(cancellationToken);
        }
        await seeder.SeedIfEmptyAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
