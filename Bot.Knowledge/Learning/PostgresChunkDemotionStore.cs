using Bot.Knowledge.Embeddings;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Pgvector;

namespace Bot.Knowledge.Learning;

/// <inheritdoc/>
public sealed class PostgresChunkDemotionStore(
    NpgsqlDataSource dataSource,
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    EmbedderInfo embedder,
    IOptions<LearningOptions> options) : IChunkDemotionStore
{
    private const int MaxQuestionLength = 1000;

    private static readonly string PenaltySql = $"""
        WITH {ChunkDemotionSql.Format(ChunkDemotionSql.Cte, "$1::vector", "$2", "$3", "$4", "$5", "$6")}
        SELECT dm.chunk_id, ({ChunkDemotionSql.Format(ChunkDemotionSql.Multiplier, "$1::vector", "$2", "$3", "$4", "$5", "$6")})::float8
        FROM chunk_demotion dm
        WHERE dm.chunk_id = ANY($7)
        """;

    /// <inheritdoc/>
    public async Task RecordAsync(NegativeFeedback feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        if (feedback.ChunkIds.Count == 0 || string.IsNullOrWhiteSpace(feedback.Question))
        {
            return;
        }
        var question = feedback.Question.Length <= MaxQuestionLength ? feedback.Question : feedback.Question[..MaxQuestionLength];
        var vector = (await embeddings.GenerateAsync([question], cancellationToken: cancellationToken))[0].Vector;
        await using var command = dataSource.CreateCommand("""
            INSERT INTO chunk_demotions (chunk_id, question, question_embedding, embedder, feedback_id, conversation_id, user_id)
            SELECT c.id, $2, $3, $4, f.id, $5, $6
            FROM kb_chunks c
            LEFT JOIN feedback f ON f.id = $7
            WHERE c.id = ANY($1)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = feedback.ChunkIds.Distinct().ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = question });
        command.Parameters.Add(new NpgsqlParameter { Value = new Vector(vector) });
        command.Parameters.Add(new NpgsqlParameter { Value = embedder.Name });
        command.Parameters.Add(new NpgsqlParameter { Value = feedback.ConversationId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)feedback.UserId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)feedback.FeedbackId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<long, double>> PenaltiesAsync(string question, IReadOnlyCollection<long> chunkIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunkIds);
        var penalties = new Dictionary<long, double>();
        if (chunkIds.Count == 0 || string.IsNullOrWhiteSpace(question))
        {
            return penalties;
        }
        var settings = options.Value;
        var vector = (await embeddings.GenerateAsync([question], cancellationToken: cancellationToken))[0].Vector;
        await using var command = dataSource.CreateCommand(PenaltySql);
        command.Parameters.Add(new NpgsqlParameter { Value = new Vector(vector) });
        command.Parameters.Add(new NpgsqlParameter { Value = embedder.Name });
        command.Parameters.Add(new NpgsqlParameter { Value = settings.DemotionSimilarity });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)settings.DemotionMinNegatives });
        command.Parameters.Add(new NpgsqlParameter { Value = settings.DemotionFactor });
        command.Parameters.Add(new NpgsqlParameter { Value = settings.DemotionFloor });
        command.Parameters.Add(new NpgsqlParameter { Value = chunkIds.ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            penalties[reader.GetInt64(0)] = reader.GetDouble(1);
        }
        return penalties;
    }
}
