using Bot.Core;
using Bot.Dialogs;
using Bot.Knowledge;
using Bot.Knowledge.Ingestion;
using Bot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Responses;

/// <summary>The bot's services over a fresh database with the sample help centre, with extra settings (e.g. an <c>Llm</c> section).</summary>
public sealed class BotServices : IAsyncDisposable
{
    private BotServices(TestDatabase database, ServiceProvider services)
    {
        Database = database;
        Services = services;
    }

    public TestDatabase Database { get; }

    public ServiceProvider Services { get; }

    public IBot Bot => Services.GetRequiredService<IBot>();

    public static async Task<BotServices> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var database = new TestDatabase();
        await database.InitializeAsync();
        var values = new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Bot:ExposeTrace"] = "true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddKnowledge(configuration)
            .AddSupportDialogs(configuration)
            .BuildServiceProvider();
        var store = services.GetRequiredService<KnowledgeStore>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.SampleArticles, "*.md"))
        {
            await store.UpsertAsync(MarkdownArticleParser.Parse(Path.GetFileName(file), await File.ReadAllTextAsync(file)), CancellationToken.None);
        }
        return new BotServices(database, services);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
