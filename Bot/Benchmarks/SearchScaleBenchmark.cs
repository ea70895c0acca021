using System.Diagnostics;
using Bot.Knowledge.Embeddings;
using Bot.Knowledge.Ingestion;
using Microsoft.Extensions.AI;
using Bot.Knowledge.Search;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Pgvector;

namespace Bot.Benchmarks;

/// <summary>
/// Search latency and HNSW recall at growing corpus sizes: loads synthetic chunks (embedded with the configured
/// embedder) with binary COPY, builds the index, then times the production hybrid query and compares the index's
/// top 10 with an exact scan.
/// </summary>
public sealed class SearchScaleBenchmark(
    TextWriter output, IEmbeddingGenerator<string, Embedding<float>> embeddings, EmbedderInfo embedder)
{
    private const int ChunksPerDocument = 10;
    private const int EmbeddingBatch = 512;

    public async Task<IReadOnlyList<ScaleResult>> RunAsync(
        string connectionString, IReadOnlyList<int> sizes, int queries, SearchOptions searchOptions, IReadOnlyList<string> vocabulary,
        double topicShare, bool keepDatabase, CancellationToken cancellationToken)
    {
        await using var database = await BenchmarkDatabase.CreateAsync(connectionString, searchOptions, cancellationToken);
        database.Keep = keepDatabase;
        var corpus = new SyntheticCorpus(vocabulary, seed: 42, topicShare);
        var queryCorpus = new SyntheticCorpus(vocabulary, seed: 7, topicShare);
        var kind = corpus.IsTopical ? "topical" : "uniform";
        var index = new VectorIndex(database.DataSource, embedder);
        var results = new List<ScaleResult>();
        var loaded = 0;

        foreach (var size in sizes.Order())
        {
            await using (var connection = await database.DataSource.OpenConnectionAsync(cancellationToken))
            {
                await VectorIndex.DropAsync(connection, cancellationToken);
            }
            var load = Stopwatch.StartNew();
            await LoadAsync(database.DataSource, corpus, loaded, size, cancellationToken);
            var loadSeconds = load.Elapsed.TotalSeconds;
            var build = Stopwatch.StartNew();
            await using (var connection = await database.DataSource.OpenConnectionAsync(cancellationToken))
            {
                await index.RecordAsync(connection, cancellationToken);
                // Vacuumed as autovacuum would after a bulk load: the postings are read by index-only scans, which need the
                // visibility map.
                await using var analyze = new NpgsqlCommand("VACUUM (ANALYZE) kb_chunks, kb_postings", connection) { CommandTimeout = 0 };
                await analyze.ExecuteNonQueryAsync(cancellationToken);
            }
            var buildSeconds = build.Elapsed.TotalSeconds;
            loaded = size;

            var documents = (size + ChunksPerDocument - 1) / ChunksPerDocument;
            var texts = Enumerable.Range(0, queries).Select(_ => queryCorpus.Question(documents, 6)).ToList();
            var search = new HybridKnowledgeSearch(database.DataSource, embeddings, index, Options.Create(searchOptions));

            foreach (var text in texts.Take(30))
            {
                await search.SearchAsync(new KnowledgeQuery(text, 5), cancellationToken);
            }
            var latencies = new List<double>(queries);
            foreach (var text in texts)
            {
                var watch = Stopwatch.StartNew();
                await search.SearchAsync(new KnowledgeQuery(text, 5), cancellationToken);
                latencies.Add(watch.Elapsed.TotalMilliseconds);
            }
            if (keepDatabase)
            {
                await SaveQueriesAsync(database.DataSource, size, texts, cancellationToken);
            }
            var recallQueries = await embeddings.GenerateAsync(texts.Take(100), cancellationToken: cancellationToken);
            var recall = await RecallAt10Async(database.DataSource, index.Dimensions, recallQueries.Select(e => e.Vector.ToArray()).ToList(), cancellationToken);
            var result = new ScaleResult(kind, size, Percentiles.Of(latencies), recall, loadSeconds, buildSeconds, size / loadSeconds);
            results.Add(result);
            await output.WriteLineAsync(
                $"{kind,-8} {size,9:N0} chunks  p50 {result.Latency.P50,6:F2} ms  p95 {result.Latency.P95,6:F2} ms  recall@10 {recall:F3}  " +
                $"load {loadSeconds:F1} s ({result.LoadRate:N0} rows/s)  index {buildSeconds:F1} s");
        }
        return results;
    }

    private async Task LoadAsync(NpgsqlDataSource dataSource, SyntheticCorpus corpus, int from, int to, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var firstDocument = from / ChunksPerDocument;
        var lastDocument = (to + ChunksPerDocument - 1) / ChunksPerDocument;
        await using (var documents = await connection.BeginBinaryImportAsync(
            "COPY kb_documents (source, title, category, content_hash) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var d = firstDocument; d < lastDocument; d++)
            {
                await documents.StartRowAsync(cancellationToken);
                await documents.WriteAsync($"synthetic/{d}", NpgsqlDbType.Text, cancellationToken);
                await documents.WriteAsync($"Synthetic article {d}: {corpus.Text(d, 4)}", NpgsqlDbType.Text, cancellationToken);
                await documents.WriteAsync(Category(d), NpgsqlDbType.Text, cancellationToken);
                await documents.WriteAsync(d.ToString(System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Text, cancellationToken);
            }
            await documents.CompleteAsync(cancellationToken);
        }

        var ids = new Dictionary<int, long>();
        await using (var read = new NpgsqlCommand("SELECT id, substring(source from 11)::int FROM kb_documents WHERE source LIKE 'synthetic/%'", connection))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                ids[reader.GetInt32(1)] = reader.GetInt64(0);
            }
        }

        await using var chunks = await connection.BeginBinaryImportAsync(
            "COPY kb_chunks (document_id, ordinal, title, heading, content, category, embedding) FROM STDIN (FORMAT BINARY)", cancellationToken);
        // The statement triggers (term statistics, postings) run when the COPY completes: minutes at a million rows.
        chunks.Timeout = TimeSpan.Zero;
        for (var start = from; start < to; start += EmbeddingBatch)
        {
            var rows = Enumerable.Range(start, Math.Min(EmbeddingBatch, to - start))
                .Select(i => (Index: i, Heading: corpus.Text(i / ChunksPerDocument, 3), Content: corpus.Text(i / ChunksPerDocument, 60)))
                .ToList();
            var vectors = await embeddings.GenerateAsync(
                rows.Select(r => KnowledgeStore.EmbeddingText($"Synthetic article {r.Index / ChunksPerDocument}", r.Heading, r.Content)),
                cancellationToken: cancellationToken);
            for (var j = 0; j < rows.Count; j++)
            {
                var (i, heading, content) = rows[j];
                var document = i / ChunksPerDocument;
                await chunks.StartRowAsync(cancellationToken);
                await chunks.WriteAsync(ids[document], NpgsqlDbType.Bigint, cancellationToken);
                await chunks.WriteAsync(i % ChunksPerDocument, NpgsqlDbType.Integer, cancellationToken);
                await chunks.WriteAsync($"Synthetic article {document}", NpgsqlDbType.Text, cancellationToken);
                await chunks.WriteAsync(heading, NpgsqlDbType.Text, cancellationToken);
                await chunks.WriteAsync(content, NpgsqlDbType.Text, cancellationToken);
                await chunks.WriteAsync(Category(document), NpgsqlDbType.Text, cancellationToken);
                await chunks.WriteAsync(new Vector(vectors[j].Vector), cancellationToken);
            }
        }
        await chunks.CompleteAsync(cancellationToken);
    }

    /// <summary>With <c>--keep true</c>: the timed questions and their vectors in <c>bench_queries</c>, to profile the query by hand.</summary>
    private async Task SaveQueriesAsync(NpgsqlDataSource dataSource, int size, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var vectors = await embeddings.GenerateAsync(texts, cancellationToken: cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var create = new NpgsqlCommand(
            "CREATE TABLE IF NOT EXISTS bench_queries (size int, n int, text text, embedding vector, PRIMARY KEY (size, n))", connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY bench_queries (size, n, text, embedding) FROM STDIN (FORMAT BINARY)", cancellationToken);
        for (var i = 0; i < texts.Count; i++)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(size, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(texts[i], NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(new Vector(vectors[i].Vector), cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>Share of the exact top 10 (sequential scan) that the HNSW index also returns, averaged over the queries.</summary>
    private static async Task<double> RecallAt10Async(NpgsqlDataSource dataSource, int dimensions, IReadOnlyList<float[]> queries, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        double found = 0;
        foreach (var query in queries)
        {
            var approximate = await TopIdsAsync(connection, $"(c.embedding::vector({dimensions}))", query, cancellationToken);
            var exact = await TopIdsAsync(connection, "c.embedding", query, cancellationToken);
            found += exact.Intersect(approximate).Count() / (double)exact.Count;
        }
        return found / queries.Count;
    }

    private static async Task<HashSet<long>> TopIdsAsync(NpgsqlConnection connection, string column, float[] query, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT c.id FROM kb_chunks c ORDER BY {column} <=> $1 LIMIT 10", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = new Vector(query) });
        var ids = new HashSet<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }
        return ids;
    }

    private static string Category(int document) => (document % 3) switch { 0 => "technical", 1 => "billing", _ => "general" };
}

/// <summary>One corpus size's figures.</summary>
public sealed record ScaleResult(string Corpus, int Chunks, Percentiles Latency, double RecallAt10, double LoadSeconds, double IndexSeconds, double LoadRate);
