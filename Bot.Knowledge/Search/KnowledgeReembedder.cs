using Bot.Knowledge.Ingestion;
using Microsoft.Extensions.AI;
using Npgsql;
using Pgvector;

namespace Bot.Knowledge.Search;

/// <inheritdoc/>
public sealed class KnowledgeReembedder(
    NpgsqlDataSource dataSource,
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    VectorIndex index) : IKnowledgeReembedder
{
    private const int BatchSize = 256;

    /// <inheritdoc/>
    public async Task<int> ReembedAllAsync(IProgress<int>? progress, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await VectorIndex.DropAsync(connection, cancellationToken);

        var done = 0;
        long lastId = 0;
        while (true)
        {
            var batch = new List<(long Id, string Text)>(BatchSize);
            await using (var read = new NpgsqlCommand(
                "SELECT id, title, heading, content FROM kb_chunks WHERE id > $1 ORDER BY id LIMIT $2", connection))
            {
                read.Parameters.Add(new NpgsqlParameter { Value = lastId });
                read.Parameters.Add(new NpgsqlParameter { Value = BatchSize });
                await using var reader = await read.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    batch.Add((reader.GetInt64(0), KnowledgeStore.EmbeddingText(reader.GetString(1), reader.GetString(2), reader.GetString(3))));
                }
            }
            if (batch.Count == 0)
            {
                break;
            }

            var vectors = await embeddings.GenerateAsync(batch.Select(b => b.Text), cancellationToken: cancellationToken);
            await using (var update = new NpgsqlCommand(
                "UPDATE kb_chunks SET embedding = v.embedding FROM unnest($1::bigint[], $2::vector[]) AS v(id, embedding) WHERE kb_chunks.id = v.id",
                connection))
            {
                update.Parameters.Add(new NpgsqlParameter { Value = batch.Select(b => b.Id).ToArray() });
                update.Parameters.Add(new NpgsqlParameter { Value = vectors.Select(v => new Vector(v.Vector)).ToArray() });
                await update.ExecuteNonQueryAsync(cancellationToken);
            }
            done += batch.Count;
            lastId = batch[^1].Id;
            progress?.Report(done);
        }

        await index.RecordAsync(connection, cancellationToken);
        return done;
    }
}
