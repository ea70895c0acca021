namespace Bot.Knowledge.Analytics;

/// <summary>The headline figures of a period, bot and human kept apart, with the previous period for comparison.</summary>
public sealed record AnalyticsSummary(
    DateTimeOffset From,
    DateTimeOffset To,
    string? Route,
    double AssumedResolutionWindowHours,
    ConversationFigures Conversations,
    BotFigures Bot,
    HumanFigures Human,
    LearningFigures Learning)
{
    /// <summary>The same figures for the period of the same length just before; null inside it.</summary>
    public AnalyticsSummary? Previous { get; init; }
}

/// <summary>Conversations that started in the period, by outcome.</summary>
public sealed record ConversationFigures(
    long Total,
    long Automated,
    long AutomatedConfirmed,
    long AutomatedAssumed,
    long Assisted,
    long Unresolved,
    long Pending,
    long Escalated,
    double AutomationRate,
    double EscalationRate);

/// <summary>What the bot did: replies, answers, ratings of its answers, response times.</summary>
public sealed record BotFigures(
    long Turns,
    long Answers,
    long Declines,
    long LowConfidenceTurns,
    long ThumbsUp,
    long ThumbsDown,
    double? ThumbsUpRatio,
    Timing FirstResponseMs,
    IReadOnlyDictionary<string, Timing> LatencyMs);

/// <summary>What people did with the handoffs created in the period.</summary>
public sealed record HumanFigures(
    long Handoffs,
    long Queued,
    long Assigned,
    long Resolved,
    long Released,
    Timing WaitSeconds,
    Timing HandlingSeconds,
    double? SatisfactionScore,
    long SatisfactionResponses);

/// <summary>Learning from people: corrections made, learned answers given, and how they were rated.</summary>
public sealed record LearningFigures(long Corrections, long LearnedAnswersUsed, long LearnedThumbsUp, long LearnedThumbsDown);

/// <summary>A duration's count, mean, median and 95th percentile; null figures when there is nothing to measure.</summary>
public sealed record Timing(long Count, double? Average, double? P50, double? P95)
{
    public static readonly Timing Empty = new(0, null, null, null);
}
