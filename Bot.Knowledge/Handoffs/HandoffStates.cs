namespace Bot.Knowledge.Handoffs;

/// <summary>Where a handoff is: <c>queued</c> → <c>assigned</c> → <c>resolved</c>, or <c>released</c> back to the bot.</summary>
public static class HandoffStates
{
    public const string Queued = "queued";
    public const string Assigned = "assigned";
    public const string Resolved = "resolved";
    public const string Released = "released";

    public static bool IsKnown(string? state) => state is Queued or Assigned or Resolved or Released;
}
