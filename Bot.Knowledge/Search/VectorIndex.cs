using System.Globalization;
using Bot.Knowledge.Embeddings;
using Npgsql;

namespace Bot.Knowledge.Search;

/// <summary>
/// Keeps <c>kb_embedder</c> and the HNSW index in step with the configured embedder. The <c>embedding</c> column has no
/// fixed dimension (embedders differ), so the index is an expression index on <c>embedding::vector(D)</c>, and queries
/// use the same expression.
/// </summary>
public sealed class VectorIndex(NpgsqlDataSource dataSource, EmbedderInfo embedder)
{
    public int Dimensions => embedder.Dimensions;

    /// <summary>The SQL expression the index covers; queries must order by exactly this.</summary>
    public string Column => $"(c.embedding::vector({Dimensions.ToString(CultureInfo.InvariantCulture)}))";

    /// <summary>Records the embedder on first use; fails with a clear message when stored vectors came from another one.</summary>
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        string? storedName = null;
        var storedDimensions = 0;
        await using (var read = new NpgsqlCommand("SELECT name, dimensions FROM kb_embedder WHERE id = 1", connection))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                storedName = reader.GetString(0);
                storedDimensions = reader.GetInt32(1);
            }
        }

        if (storedName is not null && (storedName != embedder.Name || storedDimensions != embedder.Dimensions))
        {
            await using var count = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM kb_chunks WHERE embedding IS NOT NULL)", connection);
            if ((bool)(await count.ExecuteScalarAsync(cancellationToken))!)
            {
                throw EmbedderMismatchException.For(storedName, storedDimensions, embedder.Name, embedder.Dimensions);
            }
        }
        await RecordAsync(connection, cancellationToken);
    }

    /// <summary>Drops every vector index (before re-embedding: rows may briefly hold other dimensions).</summary>
    public static async Task DropAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var names = new NpgsqlCommand(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'kb_chunks' AND indexname LIKE 'kb_chunks_embedding_hnsw_%'", connection);
        var indexes = new List<string>();
        await using (var reader = await names.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                indexes.Add(reader.GetString(0));
            }
        }
        foreach (var index in indexes)
        {
            await using var drop = new NpgsqlCommand($"DROP INDEX IF EXISTS \"{index}\"", connection);
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Stores the embedder's name and dimension and builds its index (no-op when it exists).</summary>
    public async Task RecordAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using (var upsert = new NpgsqlCommand("""
            INSERT INTO kb_embedder (id, name, dimensions) VALUES (1, $1, $2)
            ON CONFLICT (id) DO UPDATE SET name = $1, dimensions = $2, updated_at = now()
            WHERE kb_embedder.name <> $1 OR kb_embedder.dimensions <> $2
            """, connection))
        {
            upsert.Parameters.Add(new NpgsqlParameter { Value = embedder.Name });
            upsert.Parameters.Add(new NpgsqlParameter { Value = embedder.Dimensions });
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }
        var dims = Dimensions.ToString(CultureInfo.InvariantCulture);
        await using var create = new NpgsqlCommand(
            $"CREATE INDEX IF NOT EXISTS kb_chunks_embedding_hnsw_{dims} ON kb_chunks USING hnsw ((embedding::vector({dims})) vector_cosine_ops) WITH (m = 16, ef_construction = 64)",
            connection);
        create.CommandTimeout = 0;
        await create.ExecuteNonQueryAsync(cancellationToken);
    }
}
