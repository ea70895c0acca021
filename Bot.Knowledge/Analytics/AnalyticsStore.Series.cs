using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Bot.Knowledge.Analytics;

public sealed partial class AnalyticsStore
{
    public const string Hour = "hour";
    public const string Day = "day";

    /// <summary>$6: the bucket ('hour' or 'day').</summary>
    private static readonly string SeriesSql = $"""
        WITH {AnalyticsSql.Conversations()}, {AnalyticsSql.Turns},
        buckets AS (
            SELECT generate_series(date_trunc($6, $1, 'UTC'), $2 - interval '1 microsecond', ('1 ' || $6)::interval) AS b
        ),
        c AS (
            SELECT date_trunc($6, started_at, 'UTC') AS b, count(*) AS n,
                   count(*) FILTER (WHERE outcome LIKE 'automated%') AS automated,
                   count(*) FILTER (WHERE outcome = 'assisted') AS assisted,
                   count(*) FILTER (WHERE outcome = 'unresolved') AS unresolved,
                   count(*) FILTER (WHERE outcome = 'pending') AS pending
            FROM conv GROUP BY 1
        ),
        t AS (
            SELECT date_trunc($6, created_at, 'UTC') AS b, count(*) AS n,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) FILTER (WHERE coalesce(intent, '') <> 'feedback') AS p50,
                   percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) FILTER (WHERE coalesce(intent, '') <> 'feedback') AS p95,
                   count(*) FILTER (WHERE answer_source = 'learned' OR learned_answer_id IS NOT NULL) AS learned
            FROM turn_rows GROUP BY 1
        ),
        r AS (
            SELECT b, jsonb_object_agg(route, n) AS routes
            FROM (SELECT date_trunc($6, created_at, 'UTC') AS b, coalesce(route, 'none') AS route, count(*) AS n
                  FROM turn_rows WHERE coalesce(intent, '') <> 'feedback' GROUP BY 1, 2) x
            GROUP BY b
        ),
        h AS (
            SELECT date_trunc($6, created_at, 'UTC') AS b, count(*) AS n FROM handoffs
            WHERE created_at >= $1 AND created_at < $2 AND ($3::text IS NULL OR route = $3) GROUP BY 1
        ),
        f AS (
            SELECT date_trunc($6, f.created_at, 'UTC') AS b,
                   count(*) FILTER (WHERE f.rating = 1) AS up, count(*) FILTER (WHERE f.rating = -1) AS down
            FROM feedback f LEFT JOIN turns tr ON tr.reply_activity_id = f.answer_activity_id
            WHERE f.created_at >= $1 AND f.created_at < $2 AND f.rating IS NOT NULL AND ($3::text IS NULL OR tr.route = $3)
            GROUP BY 1
        ),
        l AS (
            SELECT date_trunc($6, updated_at, 'UTC') AS b, count(*) AS n FROM learned_answers
            WHERE updated_at >= $1 AND updated_at < $2 AND ($3::text IS NULL OR route = $3) GROUP BY 1
        )
        SELECT buckets.b, coalesce(c.n, 0), coalesce(c.automated, 0), coalesce(c.assisted, 0), coalesce(c.unresolved, 0),
               coalesce(c.pending, 0), coalesce(t.n, 0), t.p50, t.p95, coalesce(h.n, 0), coalesce(f.up, 0), coalesce(f.down, 0),
               coalesce(l.n, 0), coalesce(t.learned, 0), coalesce(r.routes, jsonb_build_object())
        FROM buckets
        LEFT JOIN c USING (b) LEFT JOIN t USING (b) LEFT JOIN r USING (b) LEFT JOIN h USING (b) LEFT JOIN f USING (b) LEFT JOIN l USING (b)
        ORDER BY buckets.b
        """;

    /// <summary>The period bucket by bucket; <paramref name="interval"/> is <see cref="Hour"/> or <see cref="Day"/>.</summary>
    public async Task<AnalyticsSeries> SeriesAsync(AnalyticsQuery query, string interval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (interval is not (Hour or Day))
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "The interval is hour or day.");
        }
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, SeriesSql, query);
        command.Parameters.Add(new NpgsqlParameter { Value = interval, NpgsqlDbType = NpgsqlDbType.Text });
        var points = new List<SeriesPoint>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var routes = JsonSerializer.Deserialize<Dictionary<string, long>>(reader.GetString(14)) ?? [];
            points.Add(new SeriesPoint(
                reader.GetFieldValue<DateTimeOffset>(0), Long(reader, 1), Long(reader, 2), Long(reader, 3), Long(reader, 4), Long(reader, 5),
                Long(reader, 6), Double(reader, 7), Double(reader, 8), Long(reader, 9), Long(reader, 10), Long(reader, 11), Long(reader, 12),
                Long(reader, 13), routes));
        }
        return new AnalyticsSeries(query.From, query.To, query.Route, interval, points);
    }
}
