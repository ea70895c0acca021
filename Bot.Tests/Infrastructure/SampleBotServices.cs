using Bot.Dialogs;
using Bot.Knowledge;
using Bot.Knowledge.Ingestion;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Infrastructure;

/// <summary>The bot's services (knowledge and dialogs) over a test database, with the sample help centre's articles stored.</summary>
public static class SampleBotServices
{
    /// <summary>
    /// Builds the services from <paramref name="defaults"/> with <paramref name="settings"/> over them (and, when
    /// <paramref name="environment"/> is set, environment variables under both, e.g. <c>Embeddings__Provider=Lexical</c>),
    /// then stores every sample article.
    /// </summary>
    public static async Task<ServiceProvider> BuildAsync(
        TestDatabase database, IDictionary<string, string?> defaults, IDictionary<string, string?>? settings, bool environment)
    {
        ArgumentNullException.ThrowIfNull(database);
        var values = new Dictionary<string, string?>(defaults) { ["Database:ConnectionString"] = database.ConnectionString };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        var builder = new ConfigurationBuilder();
        if (environment)
        {
            builder.AddEnvironmentVariables();
        }
        var configuration = builder.AddInMemoryCollection(values).Build();
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
        return services;
    }
}
