namespace Bot.Dialogs.Escalation;

/// <summary>The named signals that hand a conversation to a person.</summary>
public static class EscalationReasons
{
    public const string AsksForHuman = "asks_for_human";
    public const string CardRequest = "card_request";
}
