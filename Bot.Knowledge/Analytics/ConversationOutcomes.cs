namespace Bot.Knowledge.Analytics;

/// <summary>What became of a conversation (see docs/analytics.md).</summary>
public static class ConversationOutcomes
{
    public const string AutomatedConfirmed = "automated_confirmed";
    public const string AutomatedAssumed = "automated_assumed";
    public const string Assisted = "assisted";
    public const string Unresolved = "unresolved";
    public const string Pending = "pending";

    public static readonly IReadOnlyList<string> All = [AutomatedConfirmed, AutomatedAssumed, Assisted, Unresolved, Pending];
}
