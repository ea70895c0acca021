namespace Bot.Knowledge.Analytics;

/// <summary>The figures of a period bucket by bucket (hour or day, UTC).</summary>
public sealed record AnalyticsSeries(DateTimeOffset From, DateTimeOffset To, string? Route, string Interval, IReadOnlyList<SeriesPoint> Points);

/// <summary>One bucket: conversations by outcome (by start), bot replies and latency, handoffs, ratings, learning and the route mix.</summary>
public sealed record SeriesPoint(
    DateTimeOffset At,
    long Conversations,
    long Automated,
    long Assisted,
    long Unresolved,
    long Pending,
    long Turns,
    double? LatencyP50Ms,
    double? LatencyP95Ms,
    long Handoffs,
    long ThumbsUp,
    long ThumbsDown,
    long Corrections,
    long LearnedAnswersUsed,
    IReadOnlyDictionary<string, long> Routes);
