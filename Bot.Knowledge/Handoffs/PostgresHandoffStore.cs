using System.Text.Json;
using Bot.Core.Schema;
using Npgsql;
using NpgsqlTypes;

namespace Bot.Knowledge.Handoffs;

/// <inheritdoc/>
public sealed class PostgresHandoffStore(NpgsqlDataSource dataSource) : IHandoffStore
{
    private const string Columns = """
        id, conversation_id, user_id, channel_id, route, reasons, summary, state, created_at,
        outcome, agent_group, requested_agent, user_name, assigned_to, assigned_at, closed_at, notes, customer_message
        """;

    private static readonly string[] OpenStates = [HandoffStates.Queued, HandoffStates.Assigned];

    /// <inheritdoc/>
    public async Task<long> CreateAsync(HandoffRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.ConversationId);
        await using var command = dataSource.CreateCommand("""
            WITH created AS (
                INSERT INTO handoffs (conversation_id, user_id, channel_id, route, reasons, summary, transcript, transcript_seq, agent_group, user_name)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, coalesce($4, 'general'), $9)
                RETURNING id
            ), logged AS (
                INSERT INTO handoff_events (handoff_id, state, actor) SELECT id, 'queued', 'bot' FROM created
            )
            SELECT id FROM created
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
        command.Parameters.Add(Text(request.UserName));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <inheritdoc/>
    public async Task<HandoffRecord?> FindOpenAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns} FROM handoffs WHERE conversation_id = $1 AND state IN ('queued', 'assigned') ORDER BY id DESC LIMIT 1");
        command.Parameters.Add(new NpgsqlParameter { Value = conversationId });
        return await SingleAsync(command, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<HandoffRecord?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM handoffs WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        return await SingleAsync(command, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<HandoffRecord>> ListAsync(string? state, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns} FROM handoffs WHERE state = ANY($1) ORDER BY created_at, id LIMIT $2");
        command.Parameters.Add(new NpgsqlParameter { Value = state is null ? OpenStates : new[] { state } });
        command.Parameters.Add(new NpgsqlParameter { Value = Math.Clamp(limit, 1, 1000) });
        return await ManyAsync(command, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<HandoffRecord>> QueuedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns} FROM handoffs WHERE state = 'queued' AND updated_at < $1 ORDER BY id LIMIT 100");
        command.Parameters.Add(new NpgsqlParameter { Value = before.ToUniversalTime() });
        return await ManyAsync(command, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<HandoffRecord>> OpenInExpiredConversationsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($$"""
            SELECT {{Columns}} FROM handoffs
            WHERE state IN ('queued', 'assigned')
              AND EXISTS (SELECT 1 FROM conversations c WHERE c.id = handoffs.conversation_id AND c.expired_at IS NOT NULL)
            ORDER BY id LIMIT 100
            """);
        return await ManyAsync(command, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<HandoffRecord?> SetGroupAsync(long id, string group, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"UPDATE handoffs SET agent_group = $2 WHERE id = $1 AND state IN ('queued', 'assigned') RETURNING {Columns}");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = group });
        return await SingleAsync(command, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<HandoffRecord?> TakeAsync(long id, string agent, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            WITH changed AS (
                UPDATE handoffs SET state = 'assigned', assigned_to = $2, assigned_at = now(), requested_agent = NULL, updated_at = now()
                WHERE id = $1 AND state = 'queued'
                RETURNING {Columns}
            ), logged AS (
                INSERT INTO handoff_events (handoff_id, state, actor) SELECT id, 'assigned', $2 FROM changed
            )
            SELECT * FROM changed
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = agent });
        return await SingleAsync(command, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<HandoffRecord?> TransitionAsync(HandoffTransition transition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transition);
        await using var command = dataSource.CreateCommand($"""
            WITH changed AS (
                UPDATE handoffs SET state = $4, outcome = $5, updated_at = now(),
                    closed_at = CASE WHEN $4 IN ('resolved', 'released') THEN now() END,
                    notes = CASE WHEN $4 <> 'resolved' OR $7::text IS NULL THEN notes
                                 WHEN notes = '' THEN $7
                                 ELSE notes || E'\n\nResolution: ' || $7 END
                WHERE id = $1 AND state = ANY($3) AND ($6::text IS NULL OR assigned_to = $6)
                RETURNING {Columns}
            ), logged AS (
                INSERT INTO handoff_events (handoff_id, state, outcome, actor, detail) SELECT id, state, outcome, $2, $7 FROM changed
            )
            SELECT * FROM changed
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = transition.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = transition.Actor });
        command.Parameters.Add(new NpgsqlParameter { Value = transition.From.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = transition.To });
        command.Parameters.Add(Text(transition.Outcome));
        command.Parameters.Add(Text(transition.HeldBy));
        command.Parameters.Add(Text(transition.Detail));
        return await SingleAsync(command, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<HandoffRecord?> TransferAsync(HandoffTransfer transfer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        await using var command = dataSource.CreateCommand($"""
            WITH changed AS (
                UPDATE handoffs SET state = 'queued', assigned_to = NULL, assigned_at = NULL, requested_agent = $4,
                    agent_group = coalesce($5, agent_group), updated_at = now()
                WHERE id = $1 AND (state = 'queued' OR (state = 'assigned' AND ($3::text IS NULL OR assigned_to = $3)))
                RETURNING {Columns}
            ), logged AS (
                INSERT INTO handoff_events (handoff_id, state, actor, detail)
                SELECT id, 'queued', $2, 'transferred to ' || coalesce($4, 'group ' || agent_group) FROM changed
            )
            SELECT * FROM changed
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = transfer.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = transfer.Actor });
        command.Parameters.Add(Text(transfer.HeldBy));
        command.Parameters.Add(Text(transfer.Agent));
        command.Parameters.Add(Text(transfer.Group));
        return await SingleAsync(command, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<bool> SaveNotesAsync(long id, string notes, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE handoffs SET notes = $2 WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = notes });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <inheritdoc/>
    public async Task<bool> LeaveMessageAsync(long id, string text, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            WITH changed AS (
                UPDATE handoffs SET customer_message = $2, customer_message_at = now() WHERE id = $1 RETURNING id, state, outcome
            ), logged AS (
                INSERT INTO handoff_events (handoff_id, state, outcome, actor, detail) SELECT id, state, outcome, 'customer', 'left a message' FROM changed
            )
            SELECT count(*) FROM changed
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = text });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! == 1;
    }

    private static async Task<HandoffRecord?> SingleAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static async Task<IReadOnlyList<HandoffRecord>> ManyAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
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
        NullableText(reader, 2),
        NullableText(reader, 3),
        NullableText(reader, 4),
        reader.GetFieldValue<string[]>(5),
        reader.GetString(6),
        reader.GetString(7),
        reader.GetFieldValue<DateTimeOffset>(8))
    {
        Outcome = NullableText(reader, 9),
        Group = NullableText(reader, 10),
        RequestedAgent = NullableText(reader, 11),
        UserName = NullableText(reader, 12),
        AssignedTo = NullableText(reader, 13),
        AssignedAt = reader.IsDBNull(14) ? null : reader.GetFieldValue<DateTimeOffset>(14),
        ClosedAt = reader.IsDBNull(15) ? null : reader.GetFieldValue<DateTimeOffset>(15),
        Notes = reader.GetString(16),
        CustomerMessage = NullableText(reader, 17),
    };

    private static string? NullableText(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static NpgsqlParameter Text(string? value) =>
        new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };
}
