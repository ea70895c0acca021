namespace Bot.Knowledge.Analytics;

/// <summary>The period broken down: escalation reasons, routes, outcomes, answer sources, intents, and per agent.</summary>
public sealed record AnalyticsBreakdowns(
    DateTimeOffset From,
    DateTimeOffset To,
    string? Route,
    IReadOnlyList<CountItem> EscalationReasons,
    IReadOnlyList<RouteItem> Routes,
    IReadOnlyList<CountItem> Outcomes,
    IReadOnlyList<CountItem> AnswerSources,
    IReadOnlyList<CountItem> Intents,
    IReadOnlyList<AgentItem> Agents);

public sealed record CountItem(string Key, long Count);

/// <summary>A route's conversations (by first request) and outcomes, and the bot replies on it.</summary>
public sealed record RouteItem(string Route, long Conversations, long Automated, long Assisted, long Unresolved, long Escalated, long Turns);

/// <summary>A person's handoffs of the period ("unassigned" for those nobody took): wait until taken, handling until closed.</summary>
public sealed record AgentItem(string Agent, long Handoffs, long Resolved, Timing WaitSeconds, Timing HandlingSeconds, double? SatisfactionScore);
