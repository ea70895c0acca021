namespace Bot.Knowledge.Handoffs;

/// <summary>A change of a handoff's state, made only when it is in one of <paramref name="From"/>.</summary>
/// <param name="Id">The handoff.</param>
/// <param name="Actor">Who makes the change (an agent's username, <c>bot</c>, <c>hub</c>).</param>
/// <param name="From">The states the change is allowed from.</param>
/// <param name="To">The new state.</param>
/// <param name="Outcome">The outcome, for closing states.</param>
/// <param name="HeldBy">When set, the handoff must be assigned to this agent.</param>
/// <param name="Detail">A note for the event log (and, on resolve, the handoff's notes).</param>
public sealed record HandoffTransition(
    long Id, string Actor, IReadOnlyList<string> From, string To, string? Outcome, string? HeldBy = null, string? Detail = null);
