namespace Bot.Core.Schema;

/// <summary>Event names of the Bot Framework handoff protocol.</summary>
public static class HandoffEventNames
{
    public const string InitiateHandoff = "handoff.initiate";
    public const string HandoffStatus = "handoff.status";
}
