namespace Bot.Dialogs.Escalation;

/// <summary>Whether a person must take over, and every signal that said so.</summary>
public sealed record EscalationDecision(bool Escalate, IReadOnlyList<string> Reasons)
{
    public static EscalationDecision Stay { get; } = new(false, []);
}
