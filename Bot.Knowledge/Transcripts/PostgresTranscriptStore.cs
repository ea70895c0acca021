using System.Globalization;
using System.Text.Json;
using Bot.Core.Schema;
using Npgsql;

namespace Bot.Knowledge.Transcripts;

/// <inheritdoc/>
public sealed class PostgresTranscriptStore(NpgsqlDataSource dataSource) : ITranscriptStore
{
    // The conversation row is locked by the UPDATE, so sequence numbers and timestamps of one conversation
    // are handed out strictly in order, across processes too, in one round trip.
    private const string AppendSql = """
        WITH s AS (
            UPDATE conversations SET next_seq = next_seq + 1, last_activity_at = now()
            WHERE id = $1
            RETURNING next_seq - 1 AS seq),
        v AS (
            SELECT s.seq,
                   COALESCE($2, $1 || '|' || lpad(s.seq::text, 7, '0')) AS activity_id,
                   to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS stamp
            FROM s)
        INSERT INTO transcript_activities (conversation_id, seq, activity_id, type, from_id, from_role, recorded_at, activity)
        SELECT $1, v.seq, v.activity_id, $3, $4, $5, v.stamp::timestamptz,
               $6::jsonb || jsonb_build_object('id', v.activity_id, 'timestamp', v.stamp)
        FROM v
        RETURNING seq, activity_id, to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
        """;

    /// <inheritdoc/>
    public async Task<bool> EnsureConversationAsync(ConversationRecord conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO conversations (id, channel_id, user_id, service_url) VALUES ($1, $2, $3, $4)
            ON CONFLICT (id) DO NOTHING
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = conversation.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = conversation.ChannelId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)conversation.UserId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)conversation.ServiceUrl ?? DBNull.Value });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <inheritdoc/>
    public async Task<ConversationRecord?> FindConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id, channel_id, user_id, service_url, created_at, next_seq - 1 FROM conversations WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = conversationId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return new ConversationRecord(
            reader.GetString(0),
            reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.GetFieldValue<DateTimeOffset>(4),
            reader.GetInt64(5));
    }

    /// <inheritdoc/>
    public async Task<TranscriptEntry> AppendAsync(Activity activity, bool assignId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversationId = activity.Conversation?.Id
            ?? throw new ArgumentException("The activity has no conversation id.", nameof(activity));

        await using var command = dataSource.CreateCommand(AppendSql);
        command.Parameters.Add(new NpgsqlParameter { Value = conversationId });
        command.Parameters.Add(new NpgsqlParameter { Value = assignId || string.IsNullOrEmpty(activity.Id) ? DBNull.Value : activity.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = activity.Type ?? ActivityTypes.Message });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)activity.From?.Id ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)activity.From?.Role ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(activity, BotJson.Options) });

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException($"Conversation '{conversationId}' does not exist.");
        }
        activity.Id = reader.GetString(1);
        activity.Timestamp = DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        return new TranscriptEntry(reader.GetInt64(0), activity);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<TranscriptEntry>> ReadAsync(string conversationId, long afterSeq, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT seq, activity FROM transcript_activities
            WHERE conversation_id = $1 AND seq > $2
            ORDER BY seq LIMIT $3
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = conversationId });
        command.Parameters.Add(new NpgsqlParameter { Value = afterSeq });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        var entries = new List<TranscriptEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var activity = JsonSerializer.Deserialize<Activity>(reader.GetString(1), BotJson.Options)!;
            entries.Add(new TranscriptEntry(reader.GetInt64(0), activity));
        }
        return entries;
    }

    /// <inheritdoc/>
    public async Task<bool> ReplaceAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        await using var command = dataSource.CreateCommand("""
            UPDATE transcript_activities
            SET activity = $3::jsonb || jsonb_build_object('id', activity_id, 'timestamp', activity->'timestamp'), type = $4
            WHERE conversation_id = $1 AND activity_id = $2
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = activity.Conversation?.Id ?? "" });
        command.Parameters.Add(new NpgsqlParameter { Value = activity.Id ?? "" });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(activity, BotJson.Options) });
        command.Parameters.Add(new NpgsqlParameter { Value = activity.Type ?? ActivityTypes.Message });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
