namespace Bot.Dialogs.Escalation;

/// <summary>Why the bot declines to answer without handing the conversation to a person.</summary>
public static class DeclineReasons
{
    /// <summary>The message is not about the company's product, account or service.</summary>
    public const string OutOfScope = "out_of_scope";

    /// <summary>The knowledge base has nothing the bot is confident about (the first time; the next time escalates).</summary>
    public const string LowConfidence = "low_confidence";
}
