using System.Diagnostics;
using Bot.Dialogs.Escalation;
using Bot.Dialogs.Routing;

namespace Bot.Dialogs.Agents;

/// <summary>What the agents of one turn hand each other along the root waterfall.</summary>
public sealed class SupportTurn
{
    public required string Question { get; init; }

    public RouteResult? Route { get; set; }

    public Evidence Evidence { get; set; } = Evidence.None;

    public EscalationDecision Decision { get; set; } = EscalationDecision.Stay;

    public long StartedAt { get; } = Stopwatch.GetTimestamp();

    public int ElapsedMilliseconds => (int)Stopwatch.GetElapsedTime(StartedAt).TotalMilliseconds;
}
