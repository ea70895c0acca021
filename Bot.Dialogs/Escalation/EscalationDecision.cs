namespace Bot.Dialogs.Escalation;

/// <summary>
/// Whether a person must take over, and every signal that said so; or, when no person is needed but the bot should not
/// answer, why it declines (<see cref="DeclineReasons"/>).
/// </summary>
public sealed record EscalationDecision(bool Escalate, IReadOnlyList<string> Reasons)
{
    public static EscalationDecision Stay { get; } = new(false, []);

    /// <summary>Why the bot declines to answer (out of scope, or not confident), or null when it answers or escalates.</summary>
    public string? Decline { get; init; }
}
