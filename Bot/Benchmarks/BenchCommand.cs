using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bot.Benchmarks.Quality;
using Bot.Benchmarks.Turns;
using Bot.Hosting;
using Bot.Knowledge.Database;
using Bot.Knowledge.Embeddings;
using Microsoft.Extensions.AI;
using Bot.Knowledge.Search;
using Microsoft.Extensions.Options;

namespace Bot.Benchmarks;

/// <summary>
/// <c>bench scale [--sizes 10000,100000] [--queries 300] [--corpus uniform,topical] [--output file.json]</c>: search
/// latency and HNSW recall at growing corpus sizes, for each kind of synthetic corpus; <c>bench quality</c>: recall and MRR of full text, vector and hybrid search per embedder
/// and labelled set, and ingestion speed, each in throwaway databases; <c>bench turns</c>: Direct Line turn latency
/// against the host itself.
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
                var corpora = (configuration["corpus"] ?? "uniform,topical")
                    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                await Console.Out.WriteLineAsync($"Search scale ({app.Services.GetRequiredService<EmbedderInfo>().Name}): sizes {string.Join(", ", sizes)}; corpora {string.Join(", ", corpora)}; {queries} queries each; ef_search {search.EfSearch}; {Environment.ProcessorCount} cores");
                var vocabulary = await VocabularyAsync(app);
                var results = new List<ScaleResult>();
                foreach (var corpus in corpora)
                {
                    if (TopicShare(corpus) is not { } topicShare)
                    {
                        await Console.Error.WriteLineAsync($"Unknown corpus '{corpus}': uniform or topical.");
                        return 2;
                    }
                    results.AddRange(await new SearchScaleBenchmark(
                            Console.Out,
                            app.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(),
                            app.Services.GetRequiredService<EmbedderInfo>()).RunAsync(
                        connectionString, sizes, queries, search, vocabulary, topicShare, configuration["keep"] == "true", CancellationToken.None));
                }
                await WriteOutputAsync(configuration["output"], results);
                return 0;
            case ["bench", "quality"]:
                var quality = await new QualityBenchmark(Console.Out, configuration, app.Environment).RunAsync(
                    connectionString, QualityEmbedders(app), QualitySetsFor(app), CancellationToken.None);
                await WriteOutputAsync(configuration["output"], quality);
                return 0;
            case ["bench", "turns"]:
                var turns = await RunTurnsAsync(app);
                await WriteOutputAsync(configuration["output"], turns);
                return 0;
            default:
                await Console.Error.WriteLineAsync(
                    "Usage: bench scale [--sizes 10000,100000] [--queries 300] [--corpus uniform,topical] [--keep true] [--output results.json]\n" +
                    "       bench turns [--turns 300] [--warm-up 30] [--output results.json]\n" +
                    "       bench quality [--embedders glove,lexical] [--sets help,dstc11] [--dstc11 folder] [--dstc11-questions 500] [--output results.json]");
                return 2;
        }
    }

    /// <summary>Share of a chunk's words from its article's own topic: none for <c>uniform</c>, 0.4 for <c>topical</c>.</summary>
    private static double? TopicShare(string corpus) => corpus.ToLowerInvariant() switch
    {
        "uniform" => 0,
        "topical" => 0.4,
        _ => null,
    };

    /// <summary>Starts the host on a loopback port (its own database and configuration) and times Direct Line turns against it.</summary>
    private static async Task<TurnLatencyResult> RunTurnsAsync(WebApplication app)
    {
        app.Urls.Clear();
        app.Urls.Add("http://127.0.0.1:0");
        app.UseSupportBot();
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address + "/") };
            var questions = Evaluation.EvalData.KbQuestions(Path.Combine(RepositoryRoot(app), "samples", "eval", "kb-questions.csv"))
                .Select(q => q.Question).ToList();
            var count = int.Parse(app.Configuration["turns"] ?? "300", CultureInfo.InvariantCulture);
            var warmUp = int.Parse(app.Configuration["warm-up"] ?? "30", CultureInfo.InvariantCulture);
            var secret = app.Services.GetRequiredService<IOptions<DirectLine.DirectLineOptions>>().Value.Secret;
            await Console.Out.WriteLineAsync($"Direct Line turns ({app.Services.GetRequiredService<EmbedderInfo>().Name}, {Environment.ProcessorCount} cores): {count} turns after {warmUp} warm-up turns, at {address}");
            return await new TurnLatencyBenchmark(Console.Out, http, secret).RunAsync(questions, count, warmUp, CancellationToken.None);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    /// <summary>The embedders to compare: <c>--embedders</c>, else the configured one (when it is a service) plus GloVe (when its file exists) and the lexical fallback.</summary>
    private static List<EmbeddingProvider> QualityEmbedders(WebApplication app)
    {
        if (app.Configuration["embedders"] is { Length: > 0 } listed)
        {
            return listed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(name => Enum.Parse<EmbeddingProvider>(name, ignoreCase: true))
                .ToList();
        }
        var options = app.Services.GetRequiredService<IOptions<EmbeddingOptions>>().Value;
        var embedders = new List<EmbeddingProvider>();
        if (options.Provider is not (EmbeddingProvider.Auto or EmbeddingProvider.Glove or EmbeddingProvider.Lexical))
        {
            embedders.Add(options.Provider);
        }
        else if (OnnxSentenceEmbeddingGenerator.IsModelFolder(options.ModelPath is null ? null : EmbedderFactory.ResolvePath(options.ModelPath, app.Environment.ContentRootPath)))
        {
            embedders.Add(EmbeddingProvider.Onnx);
        }
        if (File.Exists(EmbedderFactory.ResolvePath(options.GlovePath, app.Environment.ContentRootPath)))
        {
            embedders.Add(EmbeddingProvider.Glove);
        }
        embedders.Add(EmbeddingProvider.Lexical);
        return embedders;
    }

    /// <summary>The sets: <c>--sets help,dstc11</c>; DSTC11 from <c>--dstc11</c> (default <c>../shared/eval/dstc11-faq</c> beside the repository) when it exists.</summary>
    private static List<QualitySet> QualitySetsFor(WebApplication app)
    {
        var root = RepositoryRoot(app);
        var wanted = (app.Configuration["sets"] ?? "help,dstc11").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var sets = new List<QualitySet>();
        if (wanted.Contains("help", StringComparer.OrdinalIgnoreCase))
        {
            sets.Add(QualitySets.HelpCentre(root));
        }
        var dstc = app.Configuration["dstc11"] ?? Path.GetFullPath(Path.Combine(root, "..", "shared", "eval", "dstc11-faq"));
        if (wanted.Contains("dstc11", StringComparer.OrdinalIgnoreCase))
        {
            if (File.Exists(Path.Combine(dstc, "knowledge.json")))
            {
                var limit = int.Parse(app.Configuration["dstc11-questions"] ?? "500", CultureInfo.InvariantCulture);
                sets.Add(QualitySets.Dstc11(dstc, Path.Combine(Path.GetTempPath(), "bench-dstc11"), limit));
            }
            else
            {
                Console.Error.WriteLine($"DSTC11 skipped: no knowledge.json in {dstc} (--dstc11 <folder>).");
            }
        }
        return sets;
    }

    private static string RepositoryRoot(WebApplication app)
    {
        for (var dir = new DirectoryInfo(app.Environment.ContentRootPath); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, EmbedderFactory.RepositoryMarker)))
            {
                return dir.FullName;
            }
        }
        return Path.GetFullPath(Path.Combine(app.Environment.ContentRootPath, ".."));
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
