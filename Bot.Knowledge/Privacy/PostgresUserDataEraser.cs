using Microsoft.Extensions.Logging;
using Npgsql;

namespace Bot.Knowledge.Privacy;

/// <inheritdoc/>
public sealed class PostgresUserDataEraser(NpgsqlDataSource dataSource, ILogger<PostgresUserDataEraser> logger) : IUserDataEraser
{
    /// <summary>
    /// Each kind: the table it lives in (skipped when that table does not exist yet) and the statement that deletes the
    /// person's rows; <c>$1</c> is the user id, <c>erased_conversations</c> the ids of the conversations they are the user of.
    /// Order matters: rows that cascade from a later delete are counted first.
    /// </summary>
    private static readonly (string Kind, string Table, string Sql)[] Steps =
    [
        ("userState", "bot_state",
            "DELETE FROM bot_state WHERE right(key, length('/users/' || $1)) = '/users/' || $1"),
        ("conversationState", "bot_state", """
            DELETE FROM bot_state b USING erased_conversations e
            WHERE right(b.key, length('/conversations/' || e.id)) = '/conversations/' || e.id
            """),
        ("chunkDemotions", "chunk_demotions",
            "DELETE FROM chunk_demotions WHERE user_id = $1 OR conversation_id IN (SELECT id FROM erased_conversations)"),
        ("feedback", "feedback",
            "DELETE FROM feedback WHERE user_id = $1 OR conversation_id IN (SELECT id FROM erased_conversations)"),
        ("turns", "turns",
            "DELETE FROM turns WHERE user_id = $1 OR conversation_id IN (SELECT id FROM erased_conversations)"),
        ("learnedAnswers", "learned_answers",
            "DELETE FROM learned_answers WHERE user_id = $1 OR conversation_id IN (SELECT id FROM erased_conversations)"),
        ("handoffs", "handoffs",
            "DELETE FROM handoffs WHERE user_id = $1 OR conversation_id IN (SELECT id FROM erased_conversations)"),
        ("conversationReferences", "conversation_references",
            "DELETE FROM conversation_references WHERE user_id = $1 OR conversation_id IN (SELECT id FROM erased_conversations)"),
        ("attachments", "directline_attachments",
            "DELETE FROM directline_attachments WHERE user_id = $1 OR conversation_id IN (SELECT id FROM erased_conversations)"),
        ("transcriptActivities", "transcript_activities",
            "DELETE FROM transcript_activities WHERE from_id = $1 OR conversation_id IN (SELECT id FROM erased_conversations)"),
        ("conversations", "conversations",
            "DELETE FROM conversations WHERE id IN (SELECT id FROM erased_conversations)"),
    ];

    /// <inheritdoc/>
    public async Task<ErasureReport> EraseAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var tables = new HashSet<string>(StringComparer.Ordinal);
        await using (var existing = new NpgsqlCommand(
            "SELECT t FROM unnest($1::text[]) t WHERE to_regclass('public.' || t) IS NOT NULL", connection, transaction))
        {
            existing.Parameters.Add(new NpgsqlParameter { Value = Steps.Select(s => s.Table).Distinct().ToArray() });
            await using var reader = await existing.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        await using (var conversations = new NpgsqlCommand(
            "CREATE TEMP TABLE erased_conversations ON COMMIT DROP AS SELECT id FROM conversations WHERE user_id = $1", connection, transaction))
        {
            conversations.Parameters.Add(new NpgsqlParameter { Value = userId });
            await conversations.ExecuteNonQueryAsync(cancellationToken);
        }

        var removed = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (kind, table, sql) in Steps)
        {
            if (!tables.Contains(table))
            {
                continue;
            }
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            if (sql.Contains("$1", StringComparison.Ordinal))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = userId });
            }
            removed[kind] = await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Erased the data of user {UserId}: {Removed}", userId,
            string.Join(", ", removed.Where(r => r.Value > 0).Select(r => $"{r.Key} {r.Value}")));
        return new ErasureReport(userId, removed);
    }
}
