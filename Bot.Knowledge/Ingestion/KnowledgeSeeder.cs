using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Knowledge.Ingestion;

/// <summary>
/// Loads the configured sample content (<see cref="KnowledgeOptions.SeedPath"/> and <see cref="KnowledgeOptions.SeedPaths"/>:
/// files or folders) into an empty knowledge base, each path ingested like <c>kb ingest &lt;path&gt;</c>. A knowledge base
/// that has any document is left alone, so documents an admin deleted do not come back at the next start.
/// </summary>
public sealed class KnowledgeSeeder(
    KnowledgeStore store,
    IOptions<KnowledgeOptions> options,
    IHostEnvironment environment,
    ILogger<KnowledgeSeeder> logger,
    ILogger<KnowledgeIngestor> ingestorLogger)
{
    /// <summary>Returns how many documents were created.</summary>
    public async Task<int> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        var configured = new[] { options.Value.SeedPath }.Concat(options.Value.SeedPaths)
            .Where(p => !string.IsNullOrWhiteSpace(p))
            .Select(p => Path.GetFullPath(p!, environment.ContentRootPath))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (configured.Count == 0 || await store.CountDocumentsAsync(cancellationToken) > 0)
        {
            return 0;
        }

        var ingestor = new KnowledgeIngestor(store, options, ingestorLogger);
        var created = 0;
        foreach (var path in configured)
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                logger.LogWarning("Knowledge seed path {Path} does not exist; skipped", path);
                continue;
            }
            var report = await ingestor.IngestPathAsync(path, null, cancellationToken);
            created += report.Count(IngestOutcome.Created);
            logger.LogInformation(
                "Seeded the knowledge base from {Path}: {Created} documents ({Chunks} chunks), {Failed} failed",
                path, report.Count(IngestOutcome.Created), report.ChunksWritten, report.Count(IngestOutcome.Failed));
        }
        return created;
    }
}
