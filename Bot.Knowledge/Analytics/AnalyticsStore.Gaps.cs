using Bot.Knowledge.Privacy;
using Npgsql;
using NpgsqlTypes;

namespace Bot.Knowledge.Analytics;

public sealed partial class AnalyticsStore
{
    private const int MaxGapQuestions = 20_000;

    /// <summary>$6 the low-confidence threshold, $7 the row limit. Thumbs-down questions come from the rated reply's turn (redacted).</summary>
    private static readonly string GapsSql = $"""
        WITH {AnalyticsSql.Turns}
        SELECT question,
               CASE WHEN escalated THEN '{GapReasons.Handoff}'
                    WHEN answer_source = 'none' THEN '{GapReasons.Declined}'
                    ELSE '{GapReasons.LowConfidence}' END,
               route, conversation_id, created_at
        FROM turn_rows
        WHERE question IS NOT NULL AND coalesce(intent, '') NOT IN {AnalyticsSql.NotARequest}
          AND (escalated OR answer_source = 'none' OR confidence < $6)
        UNION ALL
        SELECT coalesce(t.question, f.question), '{GapReasons.ThumbsDown}', t.route, f.conversation_id, f.created_at
        FROM feedback f LEFT JOIN turns t ON t.reply_activity_id = f.answer_activity_id
        WHERE f.rating = -1 AND f.created_at >= $1 AND f.created_at < $2 AND coalesce(t.question, f.question) IS NOT NULL
          AND ($3::text IS NULL OR t.route = $3)
        LIMIT $7
        """;

    /// <summary>The period's gap questions grouped by similarity, biggest groups first.</summary>
    public async Task<KnowledgeGaps> GapsAsync(AnalyticsQuery query, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await OpenAsync(cancellationToken);
        var questions = await ReadAsync(connection, GapsSql, query, r => new GapQuestion(
            PiiRedactor.Redact(r.GetString(0))!, r.GetString(1), Text(r, 2), r.GetString(3), r.GetFieldValue<DateTimeOffset>(4)),
            cancellationToken,
            command =>
            {
                command.Parameters.Add(new NpgsqlParameter { Value = Options.LowConfidenceThreshold, NpgsqlDbType = NpgsqlDbType.Double });
                command.Parameters.Add(new NpgsqlParameter { Value = MaxGapQuestions, NpgsqlDbType = NpgsqlDbType.Integer });
            });
        return new KnowledgeGaps(query.From, query.To, query.Route, questions.Count, GapGrouper.Group(questions, Options.GapSimilarity, limit));
    }
}
