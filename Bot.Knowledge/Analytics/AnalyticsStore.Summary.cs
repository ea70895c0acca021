using Npgsql;
using NpgsqlTypes;

namespace Bot.Knowledge.Analytics;

public sealed partial class AnalyticsStore
{
    private static readonly string ConversationsSql = $"""
        WITH {AnalyticsSql.Conversations()}
        SELECT count(*),
               count(*) FILTER (WHERE outcome = 'automated_confirmed'),
               count(*) FILTER (WHERE outcome = 'automated_assumed'),
               count(*) FILTER (WHERE outcome = 'assisted'),
               count(*) FILTER (WHERE outcome = 'unresolved'),
               count(*) FILTER (WHERE outcome = 'pending'),
               count(*) FILTER (WHERE handoffs > 0)
        FROM conv
        """;

    /// <summary>$6: the low-confidence threshold.</summary>
    private const string BotSql = $"""
        WITH {AnalyticsSql.Turns},
        rated AS (
            SELECT f.rating, t.answer_source, t.learned_answer_id
            FROM feedback f LEFT JOIN turns t ON t.reply_activity_id = f.answer_activity_id
            WHERE f.created_at >= $1 AND f.created_at < $2 AND f.rating IS NOT NULL AND ($3::text IS NULL OR t.route = $3)
        )
        SELECT (SELECT count(*) FROM turn_rows),
               (SELECT count(*) FROM turn_rows WHERE answer_source <> 'none'),
               (SELECT count(*) FROM turn_rows WHERE answer_source = 'none' AND NOT escalated AND coalesce(intent, '') NOT IN {AnalyticsSql.NotARequest}),
               (SELECT count(*) FROM turn_rows WHERE coalesce(intent, '') NOT IN {AnalyticsSql.NotARequest}
                   AND (confidence < $6 OR (answer_source = 'none' AND NOT escalated))),
               (SELECT count(*) FROM rated WHERE rating = 1),
               (SELECT count(*) FROM rated WHERE rating = -1),
               (SELECT count(*) FROM turn_rows WHERE answer_source = 'learned' OR learned_answer_id IS NOT NULL),
               (SELECT count(*) FROM rated WHERE rating = 1 AND answer_source = 'learned'),
               (SELECT count(*) FROM rated WHERE rating = -1 AND answer_source = 'learned'),
               (SELECT count(*) FROM learned_answers
                WHERE ((created_at >= $1 AND created_at < $2) OR (updated_at >= $1 AND updated_at < $2)) AND ($3::text IS NULL OR route = $3))
        """;

    private static readonly string LatencySql = $"""
        WITH {AnalyticsSql.Turns}
        SELECT {TimingColumns("latency_ms", "coalesce(intent, '') <> 'feedback'")},
               {TimingColumns("router_ms")},
               {TimingColumns("search_ms")},
               {TimingColumns("escalation_ms")},
               {TimingColumns("response_ms")}
        FROM turn_rows
        """;

    private static readonly string FirstResponseSql = $"""
        WITH {AnalyticsSql.Conversations()},
        firsts AS (
            SELECT conv.conversation_id, q.asked_at,
                   (SELECT min(b.recorded_at) FROM transcript_activities b
                    WHERE b.conversation_id = conv.conversation_id AND b.type = 'message' AND b.from_role = 'bot'
                      AND b.recorded_at >= q.asked_at) AS answered_at
            FROM conv CROSS JOIN LATERAL (
                SELECT min(a.recorded_at) AS asked_at FROM transcript_activities a
                WHERE a.conversation_id = conv.conversation_id AND a.type = 'message' AND a.from_role IS DISTINCT FROM 'bot') q
        ),
        ms AS (SELECT extract(epoch FROM answered_at - asked_at)::double precision * 1000 AS v FROM firsts WHERE answered_at IS NOT NULL)
        SELECT {TimingColumns("v")} FROM ms
        """;

    private static readonly string HumanSql = $"""
        WITH {AnalyticsSql.Handoffs}
        SELECT count(*),
               count(*) FILTER (WHERE state = 'queued'),
               count(*) FILTER (WHERE state = 'assigned'),
               count(*) FILTER (WHERE state = 'resolved'),
               count(*) FILTER (WHERE state = 'released'),
               {TimingColumns("wait_s")},
               {TimingColumns("handling_s")}
        FROM hand_times
        """;

    private const string SatisfactionSql = """
        WITH scored AS (
            SELECT (to_jsonb(f) ->> 'satisfaction')::numeric AS score, (to_jsonb(f) ->> 'handoff_id')::bigint AS handoff_id
            FROM feedback f WHERE f.created_at >= $1 AND f.created_at < $2
        )
        SELECT avg(s.score), count(s.score)
        FROM scored s LEFT JOIN handoffs h ON h.id = s.handoff_id
        WHERE s.score IS NOT NULL AND ($3::text IS NULL OR h.route = $3)
        """;

    /// <summary>The headline figures of the period and of the period before it.</summary>
    public async Task<AnalyticsSummary> SummaryAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var current = await FiguresAsync(query, cancellationToken);
        return current with { Previous = await FiguresAsync(query.Previous(), cancellationToken) };
    }

    private async Task<AnalyticsSummary> FiguresAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        ConversationFigures conversations;
        await using (var command = Command(connection, ConversationsSql, query))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            var (total, confirmed, assumed, escalated) = (Long(reader, 0), Long(reader, 1), Long(reader, 2), Long(reader, 6));
            conversations = new ConversationFigures(
                total, confirmed + assumed, confirmed, assumed, Long(reader, 3), Long(reader, 4), Long(reader, 5), escalated,
                Rate(confirmed + assumed, total), Rate(escalated, total));
        }

        long turns, answers, declines, lowConfidence, up, down, learnedUsed, learnedUp, learnedDown, corrections;
        await using (var command = Command(connection, BotSql, query))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = Options.LowConfidenceThreshold, NpgsqlDbType = NpgsqlDbType.Double });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            (turns, answers, declines, lowConfidence) = (Long(reader, 0), Long(reader, 1), Long(reader, 2), Long(reader, 3));
            (up, down, learnedUsed, learnedUp, learnedDown, corrections) =
                (Long(reader, 4), Long(reader, 5), Long(reader, 6), Long(reader, 7), Long(reader, 8), Long(reader, 9));
        }

        var latency = new Dictionary<string, Timing>(StringComparer.Ordinal);
        await using (var command = Command(connection, LatencySql, query))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            latency["total"] = Timing(reader, 0);
            latency["router"] = Timing(reader, 4);
            latency["search"] = Timing(reader, 8);
            latency["escalation"] = Timing(reader, 12);
            latency["response"] = Timing(reader, 16);
        }

        Timing firstResponse;
        await using (var command = Command(connection, FirstResponseSql, query))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            firstResponse = Timing(reader, 0);
        }

        long handoffs, queued, assigned, resolved, released;
        Timing wait, handling;
        await using (var command = Command(connection, HumanSql, query))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (handoffs, queued, assigned, resolved, released) = (Long(reader, 0), Long(reader, 1), Long(reader, 2), Long(reader, 3), Long(reader, 4));
            (wait, handling) = (Timing(reader, 5), Timing(reader, 9));
        }

        double? satisfaction;
        long satisfactionCount;
        await using (var command = Command(connection, SatisfactionSql, query))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (satisfaction, satisfactionCount) = (Double(reader, 0), Long(reader, 1));
        }

        return new AnalyticsSummary(
            query.From, query.To, query.Route, Options.AssumedResolutionWindow.TotalHours, conversations,
            new BotFigures(turns, answers, declines, lowConfidence, up, down, up + down == 0 ? null : Rate(up, up + down), firstResponse, latency),
            new HumanFigures(handoffs, queued, assigned, resolved, released, wait, handling, satisfaction, satisfactionCount),
            new LearningFigures(corrections, learnedUsed, learnedUp, learnedDown));
    }
}
