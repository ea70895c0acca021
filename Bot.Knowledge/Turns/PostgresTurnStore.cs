using Npgsql;
using NpgsqlTypes;

namespace Bot.Knowledge.Turns;

/// <inheritdoc/>
public sealed class PostgresTurnStore(NpgsqlDataSource dataSource) : ITurnStore
{
    private const string Columns = """
        id, conversation_id, channel_id, user_id, reply_activity_id, route, confidence, intent, escalated, reasons,
        answer_source, source_ids, latency_ms, created_at, question, router_ms, search_ms, escalation_ms, response_ms,
        learned_answer_id
        """;

    /// <inheritdoc/>
    public async Task<long> RecordAsync(TurnRecord turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO turns (conversation_id, channel_id, user_id, reply_activity_id, route, confidence, intent, escalated,
                               reasons, answer_source, source_ids, latency_ms, question, router_ms, search_ms,
                               escalation_ms, response_ms, learned_answer_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
            RETURNING id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = turn.ConversationId });
        command.Parameters.Add(Text(turn.ChannelId));
        command.Parameters.Add(Text(turn.UserId));
        command.Parameters.Add(Text(turn.ReplyActivityId));
        command.Parameters.Add(Text(turn.Route));
        command.Parameters.Add(new NpgsqlParameter { Value = double.IsFinite(turn.Confidence) ? turn.Confidence : 0 });
        command.Parameters.Add(Text(turn.Intent));
        command.Parameters.Add(new NpgsqlParameter { Value = turn.Escalated });
        command.Parameters.Add(new NpgsqlParameter { Value = turn.Reasons.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = turn.AnswerSource });
        command.Parameters.Add(new NpgsqlParameter { Value = turn.SourceIds.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = Math.Max(0, turn.LatencyMs) });
        command.Parameters.Add(Text(turn.Question));
        command.Parameters.Add(Milliseconds(turn.Steps.RouterMs));
        command.Parameters.Add(Milliseconds(turn.Steps.SearchMs));
        command.Parameters.Add(Milliseconds(turn.Steps.EscalationMs));
        command.Parameters.Add(Milliseconds(turn.Steps.ResponseMs));
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)turn.LearnedAnswerId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <inheritdoc/>
    public async Task<TurnRecord?> FindByReplyAsync(string replyActivityId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(replyActivityId);
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM turns WHERE reply_activity_id = $1 ORDER BY id DESC LIMIT 1");
        command.Parameters.Add(new NpgsqlParameter { Value = replyActivityId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<TurnRecord>> ForConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM turns WHERE conversation_id = $1 ORDER BY id");
        command.Parameters.Add(new NpgsqlParameter { Value = conversationId });
        var turns = new List<TurnRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            turns.Add(Read(reader));
        }
        return turns;
    }

    private static TurnRecord Read(NpgsqlDataReader reader) => new(
        reader.GetString(1),
        NullableString(reader, 2),
        NullableString(reader, 3),
        NullableString(reader, 4),
        NullableString(reader, 5),
        reader.GetDouble(6),
        NullableString(reader, 7),
        reader.GetBoolean(8),
        reader.GetFieldValue<string[]>(9),
        reader.GetString(10),
        reader.GetFieldValue<long[]>(11),
        reader.GetInt32(12))
    {
        Id = reader.GetInt64(0),
        CreatedAt = reader.GetFieldValue<DateTimeOffset>(13),
        Question = NullableString(reader, 14),
        Steps = new TurnStepLatencies(NullableInt(reader, 15), NullableInt(reader, 16), NullableInt(reader, 17), NullableInt(reader, 18)),
        LearnedAnswerId = reader.IsDBNull(19) ? null : reader.GetInt64(19),
    };

    private static int? NullableInt(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    private static NpgsqlParameter Milliseconds(int? value) =>
        new() { Value = value is { } ms ? Math.Max(0, ms) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer };

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };
}
