using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bot.Knowledge.Database;
using Bot.Knowledge.Embeddings;
using Microsoft.Extensions.AI;
using Bot.Knowledge.Search;
using Microsoft.Extensions.Options;

namespace Bot.Benchmarks;

/// <summary>
/// <c>bench scale [--sizes 10000,100000] [--queries 300] [--output file.json]</c>: search latency and HNSW recall
/// at growing corpus sizes, in a throwaway database.
/// </summary>
public static partial class BenchCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<int> RunAsync(WebApplication app, string[] command)
    {
        ArgumentNullException.ThrowIfNull(app);
        var configuration = app.Configuration;
        var connectionString = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString;
        var search = app.Services.GetRequiredService<IOptions<SearchOptions>>().Value;
        switch (command)
        {
            case ["bench", "scale"]:
                var sizes = (configuration["sizes"] ?? "10000,100000")
                    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(s => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture))
                    .ToList();
                var queries = int.Parse(configuration["queries"] ?? "300", CultureInfo.InvariantCulture);
                await Console.Out.WriteLineAsync($"Search scale ({app.Services.GetRequiredService<EmbedderInfo>().Name}): sizes {string.Join(", ", sizes)}; {queries} queries each; ef_search {search.EfSearch}; {Environment.ProcessorCount} cores");
                var results = await new SearchScaleBenchmark(
                        Console.Out,
                        app.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(),
                        app.Services.GetRequiredService<EmbedderInfo>()).RunAsync(
                    connectionString, sizes, queries, search, await VocabularyAsync(app), configuration["keep"] == "true", CancellationToken.None);
                await WriteOutputAsync(configuration["output"], results);
                return 0;
            default:
                await Console.Error.WriteLineAsync("Usage: bench scale [--sizes 10000,100000] [--queries 300] [--output results.json]");
                return 2;
        }
    }

    private static async Task<IReadOnlyList<string>> VocabularyAsync(WebApplication app)
    {
        var root = Path.GetFullPath(Path.Combine(app.Environment.ContentRootPath, "..", "samples", "kb", "articles"));
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*.md"))
        {
            foreach (Match word in Word().Matches((await File.ReadAllTextAsync(file)).ToLowerInvariant()))
            {
                counts[word.Value] = counts.GetValueOrDefault(word.Value) + 1;
            }
        }
        return counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key).ToList();
    }

    private static async Task WriteOutputAsync(string? path, object results)
    {
        if (string.IsNullOrEmpty(path))
        {
            return;
        }
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(results, Indented));
    }

    [GeneratedRegex("[a-z]{2,}")]
    private static partial Regex Word();
}
