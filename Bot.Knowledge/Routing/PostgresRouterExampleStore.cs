using Bot.Knowledge.Embeddings;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Pgvector;

namespace Bot.Knowledge.Routing;

/// <inheritdoc/>
public sealed class PostgresRouterExampleStore(
    NpgsqlDataSource dataSource,
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    EmbedderInfo embedder,
    ILogger<PostgresRouterExampleStore> logger) : IRouterExampleStore
{
    private const int EmbedBatch = 256;
    private long _localVersion;

    /// <inheritdoc/>
    public long LocalVersion => Interlocked.Read(ref _localVersion);

    /// <inheritdoc/>
    public async Task<long> AddAsync(RouterExample example, CancellationToken cancellationToken)
    {
        var normalized = RouterLabels.Normalize(example);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var (ids, _, _) = await UpsertAsync(connection, [normalized], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Interlocked.Increment(ref _localVersion);
        return ids[0];
    }

    /// <inheritdoc/>
    public async Task<RouterImportResult> AddRangeAsync(IReadOnlyList<RouterExample> examples, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var normalized = examples.Select(RouterLabels.Normalize).ToList();
        if (normalized.Count == 0)
        {
            return new RouterImportResult(0, 0, []);
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var added = 0;
        var relabelled = 0;
        var routes = new List<string>();
        foreach (var batch in normalized.Chunk(2000))
        {
            var (_, inserted, newRoutes) = await UpsertAsync(connection, batch, cancellationToken);
            added += inserted.Added;
            relabelled += inserted.Relabelled;
            routes.AddRange(newRoutes);
        }
        await transaction.CommitAsync(cancellationToken);
        Interlocked.Increment(ref _localVersion);
        return new RouterImportResult(added, relabelled, routes);
    }

    /// <inheritdoc/>
    public async Task<RouterExamplePage> ListAsync(string? route, long? after, int limit, CancellationToken cancellationToken)
    {
        limit = Math.Clamp(limit, 1, 1000);
        var items = new List<StoredRouterExample>();
        await using (var command = dataSource.CreateCommand("""
            SELECT id, text, route, intent, source, created_at FROM router_examples
            WHERE id > $1 AND ($2::text IS NULL OR route = $2)
            ORDER BY id LIMIT $3
            """))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = after ?? 0L });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)route ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = limit + 1 });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(new StoredRouterExample(
                    reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5)));
            }
        }
        long? next = null;
        if (items.Count > limit)
        {
            items.RemoveAt(items.Count - 1);
            next = items[^1].Id;
        }

        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await using (var command = dataSource.CreateCommand("""
            SELECT r.name, count(e.id) FROM router_routes r LEFT JOIN router_examples e ON e.route = r.name GROUP BY r.name
            """))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                counts[reader.GetString(0)] = reader.GetInt64(1);
            }
        }
        return new RouterExamplePage(items, next, counts, counts.Values.Sum());
    }

    /// <inheritdoc/>
    public async Task<RouterExampleSet> LoadAsync(CancellationToken cancellationToken)
    {
        var version = await VersionAsync(cancellationToken);
        await EmbedStaleAsync(cancellationToken);

        var routes = new List<RouterRoute>();
        await using (var command = dataSource.CreateCommand("SELECT name, description FROM router_routes ORDER BY name"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                routes.Add(new RouterRoute(reader.GetString(0), reader.GetString(1)));
            }
        }

        var examples = new List<StoredRouterExample>();
        await using (var command = dataSource.CreateCommand(
            "SELECT id, text, route, intent, source, created_at, embedding FROM router_examples WHERE embedder = $1 ORDER BY id"))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = embedder.Name });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                examples.Add(new StoredRouterExample(
                    reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5), reader.GetFieldValue<Vector>(6).ToArray()));
            }
        }
        return new RouterExampleSet(examples, routes, version, embedder.Name);
    }

    /// <inheritdoc/>
    public async Task<string> VersionAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT count(*)::text || '/' || coalesce(max(id), 0)::text || '/' || coalesce(extract(epoch FROM max(updated_at))::text, '')
                   || '/' || (SELECT count(*) FROM router_routes)::text
            FROM router_examples
            """);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <inheritdoc/>
    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM router_examples");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<(long[] Ids, (int Added, int Relabelled) Counts, IReadOnlyList<string> NewRoutes)> UpsertAsync(
        NpgsqlConnection connection, IReadOnlyList<RouterExample> examples, CancellationToken cancellationToken)
    {
        // The same text twice in one statement would make ON CONFLICT update a row twice: the last label wins.
        var byKey = new Dictionary<string, RouterExample>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var example in examples)
        {
            var key = RouterLabels.KeyOf(example.Text);
            if (!byKey.ContainsKey(key))
            {
                order.Add(key);
            }
            byKey[key] = example;
        }
        var unique = order.Select(k => byKey[k]).ToList();
        var vectors = new List<Vector>(unique.Count);
        foreach (var batch in unique.Chunk(EmbedBatch))
        {
            var generated = await embeddings.GenerateAsync(batch.Select(e => e.Text), cancellationToken: cancellationToken);
            vectors.AddRange(generated.Select(g => new Vector(g.Vector)));
        }

        var newRoutes = new List<string>();
        await using (var routes = new NpgsqlCommand(
            "INSERT INTO router_routes (name) SELECT DISTINCT unnest($1::text[]) ON CONFLICT (name) DO NOTHING RETURNING name", connection))
        {
            routes.Parameters.Add(new NpgsqlParameter { Value = unique.Select(e => e.Route).Distinct(StringComparer.Ordinal).ToArray() });
            await using var reader = await routes.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                newRoutes.Add(reader.GetString(0));
            }
        }

        await using var upsert = new NpgsqlCommand("""
            INSERT INTO router_examples AS e (text, text_key, route, intent, source, embedding, embedder)
            SELECT t, k, r, i, s, v, $7
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::vector[]) AS u(t, k, r, i, s, v)
            ON CONFLICT (text_key) DO UPDATE SET
                text = excluded.text, route = excluded.route, intent = COALESCE(excluded.intent, e.intent),
                source = excluded.source, embedding = excluded.embedding, embedder = excluded.embedder, updated_at = now()
            RETURNING id, (xmax = 0) AS inserted, text_key
            """, connection);
        upsert.Parameters.Add(new NpgsqlParameter { Value = unique.Select(e => e.Text).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter { Value = order.ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter { Value = unique.Select(e => e.Route).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter { Value = unique.Select(e => (object?)e.Intent ?? DBNull.Value).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        upsert.Parameters.Add(new NpgsqlParameter { Value = unique.Select(e => e.Source).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter { Value = vectors.ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter { Value = embedder.Name });

        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        var added = 0;
        var relabelled = 0;
        await using (var reader = await upsert.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                ids[reader.GetString(2)] = reader.GetInt64(0);
                if (reader.GetBoolean(1))
                {
                    added++;
                }
                else
                {
                    relabelled++;
                }
            }
        }
        return (examples.Select(e => ids[RouterLabels.KeyOf(e.Text)]).ToArray(), (added, relabelled), newRoutes);
    }

    /// <summary>Embeds rows another embedder (or none) wrote, so every example can be compared with the active embedder's vectors.</summary>
    private async Task EmbedStaleAsync(CancellationToken cancellationToken)
    {
        var stale = new List<(long Id, string Text)>();
        await using (var select = dataSource.CreateCommand("SELECT id, text FROM router_examples WHERE embedder IS DISTINCT FROM $1 ORDER BY id"))
        {
            select.Parameters.Add(new NpgsqlParameter { Value = embedder.Name });
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                stale.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }
        foreach (var batch in stale.Chunk(EmbedBatch))
        {
            var vectors = await embeddings.GenerateAsync(batch.Select(b => b.Text), cancellationToken: cancellationToken);
            await using var update = dataSource.CreateCommand(
                "UPDATE router_examples SET embedding = v.embedding, embedder = $3 FROM unnest($1::bigint[], $2::vector[]) AS v(id, embedding) WHERE router_examples.id = v.id");
            update.Parameters.Add(new NpgsqlParameter { Value = batch.Select(b => b.Id).ToArray() });
            update.Parameters.Add(new NpgsqlParameter { Value = vectors.Select(v => new Vector(v.Vector)).ToArray() });
            update.Parameters.Add(new NpgsqlParameter { Value = embedder.Name });
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
        if (stale.Count > 0)
        {
            logger.LogInformation("Embedded {Count} router example(s) with {Embedder}", stale.Count, embedder.Name);
        }
    }
}
