using Bot.Knowledge.Database;
using Bot.Knowledge.Ingestion;
using Bot.Knowledge.Search;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bot.Hosting;

/// <summary>
/// Before the host takes requests: applies pending migrations, checks the stored vectors match the configured embedder
/// (building its index), and loads the sample knowledge base into an empty one.
/// </summary>
public sealed class DatabaseStartup(
    DatabaseMigrator migrator, NpgsqlDataSource dataSource, VectorIndex vectorIndex, KnowledgeSeeder seeder, IOptions<DatabaseOptions> options)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MigrateOnStartup)
        {
            migrator.Migrate();
            await dataSource.ReloadTypesAsync(cancellationToken);
        }
        await vectorIndex.EnsureAsync(cancellationToken);
        await seeder.SeedIfEmptyAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
