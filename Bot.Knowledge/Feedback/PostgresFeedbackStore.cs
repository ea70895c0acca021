using Npgsql;

namespace Bot.Knowledge.Feedback;

/// <inheritdoc/>
public sealed class PostgresFeedbackStore(NpgsqlDataSource dataSource) : IFeedbackStore
{
    /// <inheritdoc/>
    public async Task<long> RecordAsync(FeedbackEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Rating is not (null or 1 or -1))
        {
            throw new ArgumentOutOfRangeException(nameof(entry), entry.Rating, "A rating is +1 or -1.");
        }
        if (entry.Satisfaction is < 1 or > 5)
        {
            throw new ArgumentOutOfRangeException(nameof(entry), entry.Satisfaction, "A satisfaction rating is 1 to 5.");
        }
        await using var command = dataSource.CreateCommand("""
            INSERT INTO feedback (conversation_id, answer_activity_id, user_id, rating, comment, question, chunk_ids, handoff_id, satisfaction)
            VALUES ($1, $2, $3, $4, $5, $6, $7, (SELECT id FROM handoffs WHERE id = $8 AND conversation_id = $1), $9) RETURNING id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = entry.ConversationId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)entry.AnswerActivityId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)entry.UserId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = entry.Rating is { } rating ? (short)rating : DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)entry.Comment ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)entry.Question ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = entry.ChunkIds.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)entry.HandoffId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = entry.Satisfaction is { } score ? (short)score : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Smallint });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<FeedbackEntry>> ForConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT conversation_id, answer_activity_id, user_id, rating, comment, question, chunk_ids
            FROM feedback WHERE conversation_id = $1 ORDER BY id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = conversationId });
        var entries = new List<FeedbackEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new FeedbackEntry(
                reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetInt16(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetFieldValue<long[]>(6)));
        }
        return entries;
    }
}
