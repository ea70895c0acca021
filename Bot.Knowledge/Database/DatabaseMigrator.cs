using DbUp;
using DbUp.Engine;
using DbUp.Engine.Output;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Knowledge.Database;

/// <summary>Applies the SQL files of <c>database/migrations</c> (embedded in this assembly) in name order, once each.</summary>
public sealed class DatabaseMigrator(IOptions<DatabaseOptions> options, ILogger<DatabaseMigrator> logger)
{
    private const string ResourcePrefix = "Migrations.";

    /// <summary>Applies what is pending and returns the names of the scripts it ran.</summary>
    public IReadOnlyList<string> Migrate()
    {
        var result = BuildEngine().PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"Database migration failed in {result.ErrorScript?.Name}: {result.Error.Message}", result.Error);
        }
        var applied = result.Scripts.Select(s => s.Name).ToList();
        if (applied.Count > 0)
        {
            logger.LogInformation("Applied {Count} migration(s): {Scripts}", applied.Count, string.Join(", ", applied));
        }
        return applied;
    }

    /// <summary>The scripts not yet applied (empty when the schema is current).</summary>
    public IReadOnlyList<string> Pending() =>
        BuildEngine().GetScriptsToExecute().Select(s => s.Name).ToList();

    private UpgradeEngine BuildEngine() =>
        DeployChanges.To
            .PostgresqlDatabase(PostgresConnectionString.Normalize(options.Value.ConnectionString))
            .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .WithTransactionPerScript()
            .JournalToPostgresqlTable("public", "schema_migrations")
            .LogTo(new DbUpLog(logger))
            .Build();

    private sealed class DbUpLog(ILogger logger) : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) { }
        public void LogDebug(string format, params object[] args) { }
        public void LogInformation(string format, params object[] args) => logger.LogDebug("{Message}", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
        public void LogWarning(string format, params object[] args) => logger.LogWarning("{Message}", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
        public void LogError(string format, params object[] args) => logger.LogError("{Message}", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
        public void LogError(Exception ex, string format, params object[] args) => logger.LogError(ex, "{Message}", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
    }
}
