using Bot.Knowledge.Transcripts;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bot.DirectLine;

/// <summary>
/// Direct Line's view of the <c>conversations</c> table: only conversations of this channel, and idle expiry
/// (<see cref="DirectLineOptions.ConversationIdleTimeout"/>). Expired conversations keep their rows and transcript.
/// </summary>
public sealed class DirectLineConversations(NpgsqlDataSource dataSource, IOptions<DirectLineOptions> options)
{
    /// <summary>The conversation, and whether it has expired (marked, or idle for longer than the timeout).</summary>
    public async Task<ConversationLookup> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id, channel_id, user_id, service_url, created_at, next_seq - 1,
                   expired_at IS NOT NULL OR ($3::interval IS NOT NULL AND last_activity_at < now() - $3::interval)
            FROM conversations WHERE id = $1 AND channel_id = $2
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = conversationId });
        command.Parameters.Add(new NpgsqlParameter { Value = DirectLineChannel.ChannelId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)IdleTimeout ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Interval });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return ConversationLookup.Missing;
        }
        var record = new ConversationRecord(
            reader.GetString(0),
            reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.GetFieldValue<DateTimeOffset>(4),
            reader.GetInt64(5));
        return new ConversationLookup(record, reader.GetBoolean(6));
    }

    /// <summary>Marks the conversations idle for longer than the timeout as expired; returns their ids.</summary>
    public async Task<IReadOnlyList<string>> ExpireIdleAsync(CancellationToken cancellationToken)
    {
        if (IdleTimeout is not { } idle)
        {
            return [];
        }
        await using var command = dataSource.CreateCommand("""
            UPDATE conversations SET expired_at = now()
            WHERE channel_id = $1 AND expired_at IS NULL AND last_activity_at < now() - $2::interval
            RETURNING id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = DirectLineChannel.ChannelId });
        command.Parameters.Add(new NpgsqlParameter { Value = idle });
        return await ReadIdsAsync(command, cancellationToken);
    }

    /// <summary>Which of <paramref name="conversationIds"/> have expired (possibly marked by another replica).</summary>
    public async Task<IReadOnlyList<string>> ExpiredAmongAsync(IReadOnlyList<string> conversationIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationIds);
        if (conversationIds.Count == 0)
        {
            return [];
        }
        await using var command = dataSource.CreateCommand("SELECT id FROM conversations WHERE id = ANY($1) AND expired_at IS NOT NULL");
        command.Parameters.Add(new NpgsqlParameter { Value = conversationIds.ToArray() });
        return await ReadIdsAsync(command, cancellationToken);
    }

    private TimeSpan? IdleTimeout => options.Value.ConversationIdleTimeout is { } idle && idle > TimeSpan.Zero ? idle : null;

    private static async Task<IReadOnlyList<string>> ReadIdsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }
}
