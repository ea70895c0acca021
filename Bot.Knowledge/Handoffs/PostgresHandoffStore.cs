using System.Text.Json;
using Bot.Core.Schema;
using Npgsql;
using NpgsqlTypes;

namespace Bot.Knowledge.Handoffs;

/// <inheritdoc/>
public sealed class PostgresHandoffStore(NpgsqlDataSource dataSource) : IHandoffStore
{
    private const string Columns = "id, conversation_id, user_id, channel_id, route, reasons, summary, state, created_at";

    /// <inheritdoc/>
    public async Task<long> CreateAsync(HandoffRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.ConversationId);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO handoffs (conversation_id, user_id, channel_id, route, reasons, summary, transcript, transcript_seq)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            RETURNING id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = request.ConversationId });
        command.Parameters.Add(Text(request.UserId));
        command.Parameters.Add(Text(request.ChannelId));
        command.Parameters.Add(Text(request.Route));
        command.Parameters.Add(new NpgsqlParameter { Value = request.Reasons.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = request.Summary });
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = JsonSerializer.Serialize(request.Transcript, BotJson.Options),
            NpgsqlDbType = NpgsqlDbType.Jsonb,
        });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)request.TranscriptSeq ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <inheritdoc/>
    public async Task<HandoffRecord?> FindOpenAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns} FROM handoffs WHERE conversation_id = $1 AND state <> 'resolved' ORDER BY id DESC LIMIT 1");
        command.Parameters.Add(new NpgsqlParameter { Value = conversationId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<HandoffRecord>> ListAsync(string? state, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns} FROM handoffs WHERE ($1::text IS NULL OR state = $1) ORDER BY created_at, id LIMIT $2");
        command.Parameters.Add(Text(state));
        command.Parameters.Add(new NpgsqlParameter { Value = Math.Clamp(limit, 1, 1000) });
        var items = new List<HandoffRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(Read(reader));
        }
        return items;
    }

    private static HandoffRecord Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.IsDBNull(2) ? null : reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.GetFieldValue<string[]>(5),
        reader.GetString(6),
        reader.GetString(7),
        reader.GetFieldValue<DateTimeOffset>(8));

    private static NpgsqlParameter Text(string? value) =>
        new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };
}
