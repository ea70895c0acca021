using Npgsql;

namespace Bot.Knowledge.Analytics;

public sealed partial class AnalyticsStore
{
    private static readonly string ReasonsSql = $"""
        WITH {AnalyticsSql.Handoffs}
        SELECT reason, count(*) FROM hand, unnest(CASE WHEN cardinality(reasons) = 0 THEN ARRAY['unspecified'] ELSE reasons END) AS reason
        GROUP BY reason ORDER BY count(*) DESC, reason
        """;

    private static readonly string RoutesSql = $"""
        WITH {AnalyticsSql.Conversations()}, {AnalyticsSql.Turns},
        c AS (
            SELECT coalesce(route, 'none') AS route, count(*) AS n,
                   count(*) FILTER (WHERE outcome LIKE 'automated%') AS automated,
                   count(*) FILTER (WHERE outcome = 'assisted') AS assisted,
                   count(*) FILTER (WHERE outcome = 'unresolved') AS unresolved,
                   count(*) FILTER (WHERE handoffs > 0) AS escalated
            FROM conv GROUP BY 1
        ),
        t AS (SELECT coalesce(route, 'none') AS route, count(*) AS n FROM turn_rows WHERE coalesce(intent, '') <> 'feedback' GROUP BY 1)
        SELECT route, coalesce(c.n, 0), coalesce(c.automated, 0), coalesce(c.assisted, 0), coalesce(c.unresolved, 0),
               coalesce(c.escalated, 0), coalesce(t.n, 0)
        FROM c FULL JOIN t USING (route)
        ORDER BY coalesce(c.n, 0) DESC, coalesce(t.n, 0) DESC, route
        """;

    private static readonly string OutcomesSql = $"""
        WITH {AnalyticsSql.Conversations()}
        SELECT outcome, count(*) FROM conv GROUP BY outcome
        """;

    private static readonly string SourcesSql = $"""
        WITH {AnalyticsSql.Turns}
        SELECT answer_source, count(*) FROM turn_rows WHERE coalesce(intent, '') <> 'feedback' GROUP BY 1 ORDER BY 2 DESC, 1
        """;

    private static readonly string IntentsSql = $"""
        WITH {AnalyticsSql.Turns}
        SELECT coalesce(intent, 'none'), count(*) FROM turn_rows GROUP BY 1 ORDER BY 2 DESC, 1
        """;

    private static readonly string AgentsSql = $"""
        WITH {AnalyticsSql.Handoffs},
        scores AS (
            SELECT (to_jsonb(f) ->> 'handoff_id')::bigint AS handoff_id, (to_jsonb(f) ->> 'satisfaction')::numeric AS score FROM feedback f
        )
        SELECT coalesce(assigned_to, 'unassigned'), count(*), count(*) FILTER (WHERE state = 'resolved'),
               {TimingColumns("wait_s")}, {TimingColumns("handling_s")},
               (SELECT avg(s.score) FROM scores s WHERE s.handoff_id = ANY (array_agg(hand_times.id)))
        FROM hand_times
        GROUP BY 1 ORDER BY 2 DESC, 1
        """;

    public async Task<AnalyticsBreakdowns> BreakdownsAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await OpenAsync(cancellationToken);
        var reasons = await CountsAsync(connection, ReasonsSql, query, cancellationToken);
        var routes = await ReadAsync(connection, RoutesSql, query, r => new RouteItem(
            r.GetString(0), Long(r, 1), Long(r, 2), Long(r, 3), Long(r, 4), Long(r, 5), Long(r, 6)), cancellationToken);
        var outcomeCounts = (await CountsAsync(connection, OutcomesSql, query, cancellationToken)).ToDictionary(c => c.Key, c => c.Count, StringComparer.Ordinal);
        var outcomes = ConversationOutcomes.All.Select(o => new CountItem(o, outcomeCounts.GetValueOrDefault(o))).ToList();
        var sources = await CountsAsync(connection, SourcesSql, query, cancellationToken);
        var intents = await CountsAsync(connection, IntentsSql, query, cancellationToken);
        var agents = await ReadAsync(connection, AgentsSql, query, r => new AgentItem(
            r.GetString(0), Long(r, 1), Long(r, 2), Timing(r, 3), Timing(r, 7), Double(r, 11)), cancellationToken);
        return new AnalyticsBreakdowns(query.From, query.To, query.Route, reasons, routes, outcomes, sources, intents, agents);
    }

    private Task<List<CountItem>> CountsAsync(NpgsqlConnection connection, string sql, AnalyticsQuery query, CancellationToken cancellationToken) =>
        ReadAsync(connection, sql, query, r => new CountItem(r.GetString(0), Long(r, 1)), cancellationToken);

    private async Task<List<T>> ReadAsync<T>(NpgsqlConnection connection, string sql, AnalyticsQuery query, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken,
        Action<NpgsqlCommand>? addParameters = null)
    {
        await using var command = Command(connection, sql, query);
        addParameters?.Invoke(command);
        var items = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(read(reader));
        }
        return items;
    }
}
