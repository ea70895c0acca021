using Bot.Knowledge.Database;
using Bot.Knowledge.Search;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Pgvector.Npgsql;

namespace Bot.Benchmarks;

/// <summary>A throwaway, migrated database on the configured server, so benchmarks never touch the bot's data.</summary>
public sealed class BenchmarkDatabase : IAsyncDisposable
{
    private readonly string _serverConnectionString;

    private BenchmarkDatabase(string serverConnectionString, string name, string connectionString, NpgsqlDataSource dataSource)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = connectionString;
        DataSource = dataSource;
    }

    public string Name { get; }

    /// <summary>The database's connection string, without the benchmark's session settings.</summary>
    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public static async Task<BenchmarkDatabase> CreateAsync(string connectionString, SearchOptions search, CancellationToken cancellationToken)
    {
        var server = PostgresConnectionString.Normalize(connectionString);
        var name = "bench_" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + "_" + Guid.NewGuid().ToString("N")[..6];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        var databaseConnectionString = builder.ConnectionString;
        new DatabaseMigrator(Options.Create(new DatabaseOptions { ConnectionString = databaseConnectionString }), NullLogger<DatabaseMigrator>.Instance).Migrate();

        builder.Options = $"{SearchSessionSettings.For(search)} -c maintenance_work_mem=1GB -c max_parallel_maintenance_workers=1";
        var dataSource = new NpgsqlDataSourceBuilder(builder.ConnectionString);
        dataSource.UseVector();
        return new BenchmarkDatabase(server, name, databaseConnectionString, dataSource.Build());
    }

    /// <summary>Leave the database behind for inspection (EXPLAIN) instead of dropping it.</summary>
    public bool Keep { get; set; }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        if (Keep)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_serverConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
