using Pgvector.Npgsql;
using System.Diagnostics;
using Bot.Knowledge.Database;
using Npgsql;

namespace Bot.Tests.Infrastructure;

/// <summary>
/// A fresh, migrated database on the real PostgreSQL server for one test class, dropped afterwards.
/// The server is DATABASE_URL's; without it, the project's private cluster (scripts/db.sh) is started.
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    private static readonly Lazy<string> ServerConnectionString = new(ResolveServer);

    public string ConnectionString { get; private set; } = "";

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    private string _name = "";

    public async Task InitializeAsync()
    {
        _name = "bot_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(ServerConnectionString.Value))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        ConnectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString.Value) { Database = _name, Pooling = true }.ConnectionString;

        var migrator = new DatabaseMigrator(
            Microsoft.Extensions.Options.Options.Create(new DatabaseOptions { ConnectionString = ConnectionString }),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<DatabaseMigrator>.Instance);
        migrator.Migrate();

        var builder = new NpgsqlDataSourceBuilder(ConnectionString);
        builder.UseVector();
        DataSource = builder.Build();
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(ServerConnectionString.Value);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    public async Task<long> CountAsync(string sql, params object[] parameters) =>
        Convert.ToInt64(await ScalarAsync<object>(sql, parameters), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The first column of the first row.</summary>
    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = Command(sql, parameters);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task<int> ExecuteAsync(string sql, params object[] parameters)
    {
        await using var command = Command(sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    private NpgsqlCommand Command(string sql, object[] parameters)
    {
        var command = DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        return command;
    }

    private static string ResolveServer()
    {
        var url = Environment.GetEnvironmentVariable("DATABASE_URL");
        if (string.IsNullOrWhiteSpace(url))
        {
            var script = Path.Combine(RepoPaths.Root, "scripts", "db.sh");
            Run(script, "start");
            url = Run(script, "url").Trim();
        }
        return PostgresConnectionString.Normalize(url);
    }

    private static string Run(string script, string argument)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", [script, argument])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/db.sh {argument} failed ({process.ExitCode}): {error}");
        }
        return output;
    }
}
