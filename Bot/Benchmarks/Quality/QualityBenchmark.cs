using System.Diagnostics;
using Bot.Knowledge;
using Bot.Knowledge.Embeddings;
using Bot.Knowledge.Ingestion;
using Bot.Knowledge.Search;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bot.Benchmarks.Quality;

/// <summary>
/// Retrieval quality side by side: for each embedder and labelled set, a throwaway database is loaded through the
/// product's own ingestion (timed, for chunks/s), then every question is searched with full text only, vector only and
/// hybrid (the production query with one weight at zero, or both), scoring the first five documents (one passage each).
/// </summary>
public sealed class QualityBenchmark(TextWriter output, IConfiguration configuration, IHostEnvironment environment)
{
    public async Task<QualityResults> RunAsync(
        string serverConnectionString, IReadOnlyList<EmbeddingProvider> embedders, IReadOnlyList<QualitySet> sets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(embedders);
        ArgumentNullException.ThrowIfNull(sets);
        var scores = new List<QualityScore>();
        var ingestion = new List<IngestionScore>();
        foreach (var provider in embedders)
        {
            foreach (var set in sets)
            {
                var (ingested, measured) = await RunOneAsync(serverConnectionString, provider, set, cancellationToken);
                ingestion.Add(ingested);
                scores.AddRange(measured);
            }
        }
        return new QualityResults(scores, ingestion);
    }

    private async Task<(IngestionScore, IReadOnlyList<QualityScore>)> RunOneAsync(
        string serverConnectionString, EmbeddingProvider provider, QualitySet set, CancellationToken cancellationToken)
    {
        var configured = new SearchOptions();
        configuration.GetSection(SearchOptions.SectionName).Bind(configured);
        await using var database = await BenchmarkDatabase.CreateAsync(serverConnectionString, configured, cancellationToken);
        var settings = new ConfigurationBuilder()
            .AddConfiguration(configuration)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:ConnectionString"] = database.ConnectionString,
                ["Embeddings:Provider"] = provider.ToString(),
            })
            .Build();
        await using var services = new ServiceCollection()
            .AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(settings)
            .AddSingleton(environment)
            .AddKnowledge(settings)
            .BuildServiceProvider();
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        var index = services.GetRequiredService<VectorIndex>();
        await index.EnsureAsync(cancellationToken);
        var embedder = services.GetRequiredService<EmbedderInfo>();
        var embeddings = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        var ingestor = ActivatorUtilities.CreateInstance<KnowledgeIngestor>(services);
        var clock = Stopwatch.StartNew();
        int documents = 0, chunks = 0;
        foreach (var path in set.KnowledgePaths)
        {
            var report = await ingestor.IngestPathAsync(path, null, cancellationToken);
            documents += report.Count(IngestOutcome.Created);
            chunks += report.ChunksWritten;
        }
        var ingested = new IngestionScore(set.Name, embedder.Name, documents, chunks, Math.Round(clock.Elapsed.TotalSeconds, 2));
        await output.WriteLineAsync($"{set.Name}, {embedder.Name}: {documents:N0} documents, {chunks:N0} chunks in {ingested.Seconds:F1} s ({ingested.ChunksPerSecond:N0} chunks/s)");

        var keys = await DocumentKeysAsync(dataSource, set, cancellationToken);
        var measured = new List<QualityScore>();
        foreach (var method in SearchMethod.All(configured))
        {
            var search = new HybridKnowledgeSearch(dataSource, embeddings, index, Options.Create(method.Apply(configured)));
            var score = await ScoreAsync(search, set, keys, embedder.Name, method.Name, cancellationToken);
            measured.Add(score);
            await output.WriteLineAsync(
                $"  {method.Name,-9}  recall@1 {score.RecallAt1:F3}  recall@5 {score.RecallAt5:F3}  MRR {score.Mrr:F3}  p50 {score.P50Milliseconds:F1} ms");
        }
        return (ingested, measured);
    }

    private static async Task<QualityScore> ScoreAsync(
        HybridKnowledgeSearch search, QualitySet set, IReadOnlyDictionary<long, string> keys, string embedder, string method, CancellationToken cancellationToken)
    {
        int atOne = 0, atFive = 0;
        double reciprocal = 0;
        var latencies = new List<double>(set.Questions.Count);
        foreach (var question in set.Questions)
        {
            var clock = Stopwatch.StartNew();
            var hits = await search.SearchAsync(new KnowledgeQuery(question.Text, 5, MaxPerDocument: 1), cancellationToken);
            latencies.Add(clock.Elapsed.TotalMilliseconds);
            var rank = hits.Select(h => keys.GetValueOrDefault(h.DocumentId)).ToList().FindIndex(k => k is not null && question.Answers.Contains(k));
            if (rank < 0)
            {
                continue;
            }
            atFive++;
            atOne += rank == 0 ? 1 : 0;
            reciprocal += 1.0 / (rank + 1);
        }
        var n = Math.Max(set.Questions.Count, 1);
        return new QualityScore(set.Name, embedder, method, set.Questions.Count,
            Math.Round((double)atOne / n, 3), Math.Round((double)atFive / n, 3), Math.Round(reciprocal / n, 3),
            Math.Round(Percentiles.Of(latencies).P50, 2));
    }

    private static async Task<Dictionary<long, string>> DocumentKeysAsync(NpgsqlDataSource dataSource, QualitySet set, CancellationToken cancellationToken)
    {
        var keys = new Dictionary<long, string>();
        await using var command = dataSource.CreateCommand("SELECT id, url, source FROM kb_documents");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys[reader.GetInt64(0)] = set.DocumentKey(reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2));
        }
        return keys;
    }
}
