using System.Diagnostics;
using Bot.Dialogs.Escalation;
using Bot.Dialogs.Routing;

namespace Bot.Dialogs.Agents;

/// <summary>What the agents of one turn hand each other along the root waterfall.</summary>
public sealed class SupportTurn
{
    public required string Question { get; init; }

    public RouteResult? Route { get; set; }

    /// <summary>The previous question when this message is a short follow-up to it ("and on the yearly plan?"), else null.</summary>
    public string? FollowUpOf { get; set; }

    public Evidence Evidence { get; set; } = Evidence.None;

    public EscalationDecision Decision { get; set; } = EscalationDecision.Stay;

    /// <summary>True once an agent has replied in a way that ends the turn (a handoff notice, or a polite decline).</summary>
    public bool Handled => Decision.Escalate || Decision.Decline is not null;

    public long StartedAt { get; } = Stopwatch.GetTimestamp();

    public StepTimings Timings { get; } = new();

    public int ElapsedMilliseconds => (int)Stopwatch.GetElapsedTime(StartedAt).TotalMilliseconds;
}
