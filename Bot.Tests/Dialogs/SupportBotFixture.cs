using Bot.Core;
using Bot.Knowledge;
using Bot.Knowledge.Ingestion;
using Bot.Dialogs;
using Bot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Dialogs;

/// <summary>The bot with its real dependencies (PostgreSQL state, knowledge base and feedback) and the sample help centre.</summary>
public sealed class SupportBotFixture : IAsyncLifetime
{
    private ServiceProvider _services = null!;

    public TestDatabase Database { get; } = new();

    public IBot Bot => _services.GetRequiredService<IBot>();

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:ConnectionString"] = Database.ConnectionString,
                ["Bot:ExposeTrace"] = "true",
            })
            .Build();
        _services = new ServiceCollection()
            .AddLogging()
            .AddKnowledge(configuration)
            .AddSupportDialogs(configuration)
            .BuildServiceProvider();

        var store = _services.GetRequiredService<KnowledgeStore>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.SampleArticles, "*.md"))
        {
            await store.UpsertAsync(MarkdownArticleParser.Parse(Path.GetFileName(file), await File.ReadAllTextAsync(file)), CancellationToken.None);
        }
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
