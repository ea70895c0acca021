namespace Bot.Dialogs.Routing;

/// <summary>What a customer message is trying to do, independent of its topic.</summary>
public static class Intents
{
    public const string Question = "question";
    public const string Greeting = "greeting";
    public const string Thanks = "thanks";
    public const string AsksForHuman = "asks_for_human";
    public const string Complaint = "complaint";
    public const string Feedback = "feedback";
    public const string OutOfScope = "out_of_scope";
}
