namespace Bot.Knowledge.Handoffs;

/// <summary>A handoff put back in the queue for a named agent and/or another group.</summary>
/// <param name="Id">The handoff.</param>
/// <param name="Actor">Who transfers it.</param>
/// <param name="HeldBy">When set and the handoff is assigned, it must be assigned to this agent.</param>
/// <param name="Agent">The agent it is for, or null for anyone in the group.</param>
/// <param name="Group">The new group, or null to keep it.</param>
public sealed record HandoffTransfer(long Id, string Actor, string? HeldBy, string? Agent, string? Group);
