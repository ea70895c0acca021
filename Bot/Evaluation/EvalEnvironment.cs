using Bot.Dialogs;
using Bot.Dialogs.Routing;
using Bot.Knowledge;
using Bot.Knowledge.Database;
using Bot.Knowledge.Embeddings;
using Bot.Knowledge.Ingestion;
using Bot.Knowledge.Routing;
using Bot.Knowledge.Search;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bot.Evaluation;

/// <summary>
/// The bot's services for an evaluation run: by default over a throwaway database on the configured server, loaded
/// with the sample help centre and the router's seed examples, so every run starts from the same state and the bot's
/// own data is never touched; with <c>--database current</c> over the configured database as it is.
/// </summary>
public sealed class EvalEnvironment : IAsyncDisposable
{
    private readonly ServiceProvider? _owned;
    private readonly string? _server;
    private readonly string? _scratch;

    private EvalEnvironment(IServiceProvider services, ServiceProvider? owned, string? server, string? scratch)
    {
        Services = services;
        _owned = owned;
        _server = server;
        _scratch = scratch;
    }

    public IServiceProvider Services { get; }

    public string Database => _scratch ?? "current";

    public static async Task<EvalEnvironment> CreateAsync(WebApplication app, EvalSettings settings, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(log);
        if (settings.CurrentDatabase)
        {
            app.Services.GetRequiredService<DatabaseMigrator>().Migrate();
            await app.Services.GetRequiredService<VectorIndex>().EnsureAsync(cancellationToken);
            return new EvalEnvironment(app.Services, null, null, null);
        }

        var server = PostgresConnectionString.Normalize(app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString);
        var name = "eval_" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + "_" + Environment.ProcessId;
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        var configuration = new ConfigurationBuilder()
            .AddConfiguration(app.Configuration)
            .AddInMemoryCollection(Overrides(connectionString, settings))
            .Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(app.Environment)
            .AddSingleton<IHostEnvironment>(app.Environment)
            .AddKnowledge(configuration)
            .AddSupportDialogs(configuration)
            .BuildServiceProvider();
        var environment = new EvalEnvironment(services, services, server, name);
        try
        {
            services.GetRequiredService<DatabaseMigrator>().Migrate();
            await services.GetRequiredService<NpgsqlDataSource>().ReloadTypesAsync(cancellationToken);
            await services.GetRequiredService<VectorIndex>().EnsureAsync(cancellationToken);
            await SeedAsync(services, settings, log, cancellationToken);
            return environment;
        }
        catch
        {
            await environment.DisposeAsync();
            throw;
        }
    }

    private static Dictionary<string, string?> Overrides(string connectionString, EvalSettings settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = connectionString,
            ["Bot:ExposeTrace"] = "true",
            // Scripted conversations have no reading time between an answer and the question asked again.
            ["Escalation:RepeatMinimumGap"] = "00:00:00",
        };
        if (settings.TextClassifier is { } textClassifier)
        {
            values["Router:TextClassifier"] = textClassifier ? "true" : "false";
        }
        return values;
    }

    private static async Task SeedAsync(IServiceProvider services, EvalSettings settings, TextWriter log, CancellationToken cancellationToken)
    {
        var ingestor = ActivatorUtilities.CreateInstance<KnowledgeIngestor>(services);
        foreach (var path in settings.KnowledgePaths)
        {
            var report = await ingestor.IngestPathAsync(path, null, cancellationToken);
            await log.WriteLineAsync($"Knowledge base: {report.Count(IngestOutcome.Created)} documents from {path}");
        }
        var store = services.GetRequiredService<IRouterExampleStore>();
        foreach (var path in settings.RouterSeedPaths)
        {
            var rows = RouterExampleCsv.Parse(await File.ReadAllTextAsync(path, cancellationToken), RouterExampleSeeder.Source);
            var result = await store.AddRangeAsync(rows.Select(r => r.Example).ToList(), cancellationToken);
            await log.WriteLineAsync($"Router: {result.Added} seed examples from {path}");
        }
    }

    /// <summary>Imports a training file through the product's own import (as <c>router import</c> does) and retrains the router.</summary>
    public async Task<RouterImportResult> ImportAsync(string path, RouterCsvFormat format, CancellationToken cancellationToken)
    {
        var rows = RouterExampleCsv.Parse(await File.ReadAllTextAsync(path, cancellationToken), "import", format);
        return await Services.GetRequiredService<IRouterExampleStore>().AddRangeAsync(rows.Select(r => r.Example).ToList(), cancellationToken);
    }

    public Task WarmUpAsync(CancellationToken cancellationToken) =>
        Services.GetRequiredService<ExampleRouterModel>().WarmUpAsync(cancellationToken);

    public EmbedderInfo Embedder => Services.GetRequiredService<EmbedderInfo>();

    public async ValueTask DisposeAsync()
    {
        if (_owned is not null)
        {
            await _owned.DisposeAsync();
        }
        if (_scratch is not null && _server is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(_server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_scratch} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
