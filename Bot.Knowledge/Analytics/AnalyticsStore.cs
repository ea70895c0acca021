using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Bot.Knowledge.Analytics;

/// <summary>
/// The analytics, computed from the database on request: <c>turns</c>, <c>handoffs</c>, <c>feedback</c>,
/// <c>learned_answers</c> and <c>transcript_activities</c> (definitions in docs/analytics.md).
/// </summary>
public sealed partial class AnalyticsStore(NpgsqlDataSource dataSource, IOptions<AnalyticsOptions> options, TimeProvider time)
{
    private AnalyticsOptions Options => options.Value;

    /// <summary>
    /// A connection for one request's queries, with JIT compilation off: the planner costs these aggregates high enough
    /// to JIT them, which takes longer than running them (measured in docs/analytics.md).
    /// </summary>
    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var jitOff = new NpgsqlCommand("SET jit = off", connection);
        await jitOff.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>A command with the common parameters $1 from, $2 to, $3 route, $4 window seconds, $5 now.</summary>
    private NpgsqlCommand Command(NpgsqlConnection connection, string sql, AnalyticsQuery query)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = query.From.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = query.To.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.Route ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = Options.AssumedResolutionWindow.TotalSeconds, NpgsqlDbType = NpgsqlDbType.Double });
        command.Parameters.Add(new NpgsqlParameter { Value = time.GetUtcNow(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return command;
    }

    private static long Long(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? 0 : Convert.ToInt64(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    private static double? Double(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Math.Round(Convert.ToDouble(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture), 3);

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static Timing Timing(NpgsqlDataReader reader, int first) =>
        Long(reader, first) == 0 ? Analytics.Timing.Empty : new(Long(reader, first), Double(reader, first + 1), Double(reader, first + 2), Double(reader, first + 3));

    /// <summary>SQL for count, avg, p50, p95 of an expression (4 columns, read back with <see cref="Timing(NpgsqlDataReader, int)"/>).</summary>
    private static string TimingColumns(string expression, string filter = "true") => $"""
        count({expression}) FILTER (WHERE {filter}),
        avg({expression}) FILTER (WHERE {filter}),
        percentile_cont(0.5) WITHIN GROUP (ORDER BY {expression}) FILTER (WHERE {filter}),
        percentile_cont(0.95) WITHIN GROUP (ORDER BY {expression}) FILTER (WHERE {filter})
        """;

    private static double Rate(long part, long whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);
}
