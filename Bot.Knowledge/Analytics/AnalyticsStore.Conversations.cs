using Bot.Knowledge.Privacy;
using Npgsql;
using NpgsqlTypes;

namespace Bot.Knowledge.Analytics;

public sealed partial class AnalyticsStore
{
    public const int MaxExportRows = 50_000;
    private const int MaxTranscriptLines = 1000;

    private const string ConversationColumns = """
        conversation_id, channel_id, started_at, last_at, route, outcome, turns, handoffs, thumbs_up, thumbs_down, satisfaction, first_question
        """;

    /// <summary>$6 outcome or null, $7 limit, $8 offset.</summary>
    private static readonly string ListSql = $"""
        WITH {AnalyticsSql.Conversations()}
        SELECT {ConversationColumns}, count(*) OVER ()
        FROM conv WHERE $6::text IS NULL OR outcome = $6
        ORDER BY started_at DESC, conversation_id
        LIMIT $7 OFFSET $8
        """;

    /// <summary>$6 the conversation id; the period is all time.</summary>
    private static readonly string OneSql = $"""
        WITH {AnalyticsSql.Conversations("conversation_id = $6")}
        SELECT {ConversationColumns} FROM conv
        """;

    /// <summary>Conversations of the period, newest first, optionally with one outcome only.</summary>
    public async Task<ConversationPage> ConversationsAsync(AnalyticsQuery query, string? outcome, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        long total = 0;
        await using var connection = await OpenAsync(cancellationToken);
        var items = await ReadAsync(connection, ListSql, query, r =>
        {
            total = Long(r, 12);
            return ReadConversation(r);
        }, cancellationToken, command =>
        {
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)outcome ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = pageSize, NpgsqlDbType = NpgsqlDbType.Integer });
            command.Parameters.Add(new NpgsqlParameter { Value = (long)(page - 1) * pageSize, NpgsqlDbType = NpgsqlDbType.Bigint });
        });
        if (items.Count == 0 && page > 1)
        {
            total = (await ConversationsAsync(query, outcome, 1, 1, cancellationToken)).Total;
        }
        return new ConversationPage(total, page, pageSize, items);
    }

    /// <summary>A conversation with its transcript and per-turn trace, or null when the bot never replied in it.</summary>
    public async Task<ConversationDetail?> ConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        await using var connection = await OpenAsync(cancellationToken);
        var all = new AnalyticsQuery(DateTimeOffset.UnixEpoch, new DateTimeOffset(9999, 1, 1, 0, 0, 0, TimeSpan.Zero), null);
        var id = (NpgsqlCommand c) => c.Parameters.Add(new NpgsqlParameter { Value = conversationId, NpgsqlDbType = NpgsqlDbType.Text });
        var summary = (await ReadAsync(connection, OneSql, all, ReadConversation, cancellationToken, c => id(c))).FirstOrDefault();
        if (summary is null)
        {
            return null;
        }
        var transcript = await ReadAsync(connection, $"""
            SELECT activity_id, coalesce(from_role, 'user'), activity ->> 'text', recorded_at,
                   jsonb_array_length(coalesce(activity -> 'attachments', '[]'::jsonb)) > 0
            FROM transcript_activities WHERE conversation_id = $6 AND type = 'message' AND $1 <= recorded_at
            ORDER BY seq LIMIT {MaxTranscriptLines}
            """, all, r => new TranscriptLine(
                r.GetString(0), r.GetString(1) == "bot" ? "bot" : "customer", PiiRedactor.Redact(Text(r, 2)), r.GetFieldValue<DateTimeOffset>(3), r.GetBoolean(4)),
            cancellationToken, c => id(c));
        var turns = await ReadAsync(connection, """
            SELECT reply_activity_id, created_at, question, route, confidence, intent, escalated, reasons, answer_source, source_ids,
                   learned_answer_id, latency_ms, router_ms, search_ms, escalation_ms, response_ms
            FROM turns WHERE conversation_id = $6 AND $1 <= created_at ORDER BY id
            """, all, r => new TurnTrace(
                Text(r, 0), r.GetFieldValue<DateTimeOffset>(1), Text(r, 2), Text(r, 3), r.GetDouble(4), Text(r, 5), r.GetBoolean(6),
                r.GetFieldValue<string[]>(7), r.GetString(8), r.GetFieldValue<long[]>(9), r.IsDBNull(10) ? null : r.GetInt64(10), r.GetInt32(11),
                NullableInt(r, 12), NullableInt(r, 13), NullableInt(r, 14), NullableInt(r, 15)),
            cancellationToken, c => id(c));
        var handoffs = await ReadAsync(connection, """
            SELECT id, state, coalesce(to_jsonb(h) ->> 'outcome', CASE WHEN state = 'resolved' THEN 'resolved' END), reasons, assigned_to, created_at
            FROM handoffs h WHERE conversation_id = $6 AND $1 <= created_at ORDER BY id
            """, all, r => new HandoffLine(r.GetInt64(0), r.GetString(1), Text(r, 2), r.GetFieldValue<string[]>(3), Text(r, 4), r.GetFieldValue<DateTimeOffset>(5)),
            cancellationToken, c => id(c));
        var feedback = await ReadAsync(connection, """
            SELECT answer_activity_id, rating, comment, created_at FROM feedback WHERE conversation_id = $6 AND $1 <= created_at ORDER BY id
            """, all, r => new FeedbackLine(Text(r, 0), r.IsDBNull(1) ? null : r.GetInt16(1), PiiRedactor.Redact(Text(r, 2)), r.GetFieldValue<DateTimeOffset>(3)),
            cancellationToken, c => id(c));
        return new ConversationDetail(summary, transcript, turns, handoffs, feedback);
    }

    /// <summary>Every conversation of the period (up to <see cref="MaxExportRows"/>), for the CSV export.</summary>
    public async Task<IReadOnlyList<ConversationSummary>> ExportAsync(AnalyticsQuery query, string? outcome, CancellationToken cancellationToken) =>
        (await ConversationsAsync(query, outcome, 1, MaxExportRows, cancellationToken)).Items;

    private static ConversationSummary ReadConversation(NpgsqlDataReader r) => new(
        r.GetString(0), Text(r, 1), r.GetFieldValue<DateTimeOffset>(2), r.GetFieldValue<DateTimeOffset>(3), Text(r, 4), r.GetString(5),
        Long(r, 6), Long(r, 7), Long(r, 8), Long(r, 9), Double(r, 10), PiiRedactor.Redact(Text(r, 11)));

    private static int? NullableInt(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);
}
