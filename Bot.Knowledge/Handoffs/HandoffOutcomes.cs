namespace Bot.Knowledge.Handoffs;

/// <summary>How a handoff ended.</summary>
public static class HandoffOutcomes
{
    /// <summary>A person resolved it.</summary>
    public const string Resolved = "resolved";

    /// <summary>The agent gave the conversation back to the bot.</summary>
    public const string Released = "released";

    /// <summary>Nobody took it within the configured wait.</summary>
    public const string TimedOut = "timed_out";

    /// <summary>The customer ended the conversation first.</summary>
    public const string CustomerLeft = "customer_left";
}
