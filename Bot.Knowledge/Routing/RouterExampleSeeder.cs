using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Knowledge.Routing;

/// <summary>
/// Loads the configured seed examples (<see cref="RouterOptions.SeedPaths"/>) into an empty <c>router_examples</c> table,
/// like the knowledge-base seeder: a table with any example is left alone, so examples an admin removed do not return.
/// </summary>
public sealed class RouterExampleSeeder(
    IRouterExampleStore store, IOptions<RouterOptions> options, ILogger<RouterExampleSeeder> logger, IHostEnvironment? environment = null)
{
    public const string Source = "seed";

    /// <summary>Returns how many examples were added.</summary>
    public async Task<int> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        var paths = options.Value.SeedPaths
            .Where(p => !string.IsNullOrWhiteSpace(p))
            .Select(p => Path.GetFullPath(p, environment?.ContentRootPath ?? Directory.GetCurrentDirectory()))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (paths.Count == 0 || await store.CountAsync(cancellationToken) > 0)
        {
            return 0;
        }
        var added = 0;
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                logger.LogWarning("Router seed file {Path} does not exist; skipped", path);
                continue;
            }
            var rows = RouterExampleCsv.Parse(await File.ReadAllTextAsync(path, cancellationToken), Source, RouterCsvFormat.Router, options.Value.MaxImportRows);
            var result = await store.AddRangeAsync(rows.Select(r => r.Example).ToList(), cancellationToken);
            added += result.Added;
            logger.LogInformation("Seeded {Count} router examples from {Path}", result.Added, path);
        }
        return added;
    }
}
