namespace Bot.Knowledge.Analytics;

/// <summary>
/// SQL shared by the analytics queries. Parameters: $1 from (inclusive), $2 to (exclusive), $3 route or null, $4 the
/// assumed-resolution window in seconds, $5 now. Columns the agent hub adds later (handoffs.assigned_at, closed_at,
/// outcome; feedback.satisfaction) are read through <c>to_jsonb(row)</c>, so the SQL runs with and without them.
/// </summary>
internal static class AnalyticsSql
{
    /// <summary>Intents that are not a request for help: small talk and ratings.</summary>
    public const string NotARequest = "('greeting', 'thanks', 'feedback')";

    /// <summary>
    /// <c>conv</c>: one row per conversation whose first bot reply falls in the period (and whose first request is on the
    /// route), with its outcome.
    /// </summary>
    public static string Conversations(string which = "created_at >= $1 AND created_at < $2") => $"""
        conv_ids AS (
            SELECT DISTINCT conversation_id FROM turns WHERE {which}
        ),
        conv_turns AS (
            SELECT t.conversation_id,
                   min(t.created_at) AS started_at,
                   max(t.created_at) AS last_at,
                   count(*) AS turns,
                   (array_agg(t.route ORDER BY t.id) FILTER (WHERE coalesce(t.intent, '') NOT IN {NotARequest}))[1] AS route,
                   (array_agg(t.channel_id ORDER BY t.id))[1] AS channel_id,
                   (array_agg(t.question ORDER BY t.id) FILTER (WHERE t.question IS NOT NULL AND coalesce(t.intent, '') NOT IN {NotARequest}))[1] AS first_question,
                   max(t.created_at) FILTER (WHERE t.answer_source <> 'none') AS last_answer_at,
                   max(t.created_at) FILTER (WHERE coalesce(t.intent, '') NOT IN {NotARequest}) AS last_request_at,
                   bool_or(coalesce(t.intent, '') NOT IN {NotARequest} OR t.escalated) AS asked
            FROM turns t JOIN conv_ids USING (conversation_id)
            GROUP BY t.conversation_id
        ),
        conv_handoffs AS (
            SELECT h.conversation_id,
                   count(*) AS handoffs,
                   bool_or(h.state = 'resolved') AS assisted,
                   bool_or(h.state IN ('queued', 'assigned')) AS open
            FROM handoffs h JOIN conv_ids USING (conversation_id)
            GROUP BY h.conversation_id
        ),
        conv_feedback AS (
            SELECT f.conversation_id,
                   count(*) FILTER (WHERE f.rating = 1) AS thumbs_up,
                   count(*) FILTER (WHERE f.rating = -1) AS thumbs_down,
                   (array_agg(f.rating ORDER BY f.id DESC) FILTER (WHERE f.rating IS NOT NULL))[1] AS last_rating,
                   avg((to_jsonb(f) ->> 'satisfaction')::numeric) AS satisfaction
            FROM feedback f JOIN conv_ids USING (conversation_id)
            GROUP BY f.conversation_id
        ),
        conv AS (
            SELECT c.*,
                   coalesce(h.handoffs, 0) AS handoffs,
                   coalesce(fb.thumbs_up, 0) AS thumbs_up,
                   coalesce(fb.thumbs_down, 0) AS thumbs_down,
                   fb.satisfaction,
                   CASE
                       WHEN h.assisted THEN 'assisted'
                       WHEN h.open THEN 'pending'
                       WHEN h.handoffs > 0 THEN 'unresolved'
                       WHEN fb.last_rating = 1 THEN 'automated_confirmed'
                       WHEN c.last_answer_at IS NULL OR fb.last_rating = -1 THEN 'unresolved'
                       WHEN c.last_request_at > c.last_answer_at THEN 'unresolved'
                       WHEN c.last_answer_at + make_interval(secs => $4) <= $5 THEN 'automated_assumed'
                       ELSE 'pending'
                   END AS outcome
            FROM conv_turns c
            LEFT JOIN conv_handoffs h USING (conversation_id)
            LEFT JOIN conv_feedback fb USING (conversation_id)
            WHERE c.started_at >= $1 AND c.started_at < $2 AND c.asked
              AND ($3::text IS NULL OR c.route = $3)
        )
        """;

    /// <summary>
    /// <c>hand</c>: handoffs created in the period (on the route), with wait (queued until taken) and handling (taken
    /// until closed) in seconds. Until the hub's assigned_at/closed_at exist, updated_at stands in (see docs/analytics.md).
    /// </summary>
    public const string Handoffs = """
        hand_rows AS (
            SELECT h.*, to_jsonb(h) AS j FROM handoffs h
            WHERE h.created_at >= $1 AND h.created_at < $2 AND ($3::text IS NULL OR h.route = $3)
        ),
        hand AS (
            SELECT id, conversation_id, route, reasons, state, assigned_to, created_at,
                   coalesce(j ->> 'outcome', CASE WHEN state = 'resolved' THEN 'resolved' END) AS outcome,
                   coalesce((j ->> 'assigned_at')::timestamptz, CASE WHEN state = 'assigned' THEN updated_at END) AS assigned_at,
                   coalesce((j ->> 'closed_at')::timestamptz, CASE WHEN state = 'resolved' THEN updated_at END) AS closed_at
            FROM hand_rows
        ),
        hand_times AS (
            SELECT hand.*,
                   extract(epoch FROM assigned_at - created_at)::double precision AS wait_s,
                   extract(epoch FROM closed_at - coalesce(assigned_at, created_at))::double precision AS handling_s
            FROM hand
        )
        """;

    /// <summary><c>turn_rows</c>: the bot's replies in the period (on the route).</summary>
    public const string Turns = """
        turn_rows AS (
            SELECT * FROM turns WHERE created_at >= $1 AND created_at < $2 AND ($3::text IS NULL OR route = $3)
        )
        """;
}
