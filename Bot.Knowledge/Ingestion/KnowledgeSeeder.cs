using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Knowledge.Ingestion;

/// <summary>Loads the configured sample articles into an empty knowledge base.</summary>
public sealed class KnowledgeSeeder(KnowledgeStore store, IOptions<KnowledgeOptions> options, IHostEnvironment environment, ILogger<KnowledgeSeeder> logger)
{
    public async Task<int> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        var configured = options.Value.SeedPath;
        if (string.IsNullOrWhiteSpace(configured) || await store.CountDocumentsAsync(cancellationToken) > 0)
        {
            return 0;
        }
        var path = Path.GetFullPath(configured, environment.ContentRootPath);
        if (!Directory.Exists(path))
        {
            logger.LogWarning("Knowledge:SeedPath {Path} does not exist; the knowledge base stays empty", path);
            return 0;
        }

        var loaded = 0;
        foreach (var file in Directory.EnumerateFiles(path, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var source = Path.GetRelativePath(path, file).Replace('\\', '/');
            var markdown = await File.ReadAllTextAsync(file, cancellationToken);
            await store.UpsertAsync(MarkdownArticleParser.Parse(source, markdown), cancellationToken);
            loaded++;
        }
        logger.LogInformation("Seeded the knowledge base with {Count} articles from {Path}", loaded, path);
        return loaded;
    }
}
