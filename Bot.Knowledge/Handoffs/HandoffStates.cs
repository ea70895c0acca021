namespace Bot.Knowledge.Handoffs;

/// <summary>Where a handoff is in the agents' queue.</summary>
public static class HandoffStates
{
    public const string Queued = "queued";
    public const string Assigned = "assigned";
    public const string Resolved = "resolved";
}
