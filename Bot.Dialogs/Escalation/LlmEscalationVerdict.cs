namespace Bot.Dialogs.Escalation;

/// <summary>What the LLM answers when asked whether a person should take over (JSON schema output).</summary>
/// <param name="Escalate">True when a person should take over.</param>
/// <param name="Why">A few words on why (logged, not shown).</param>
public sealed record LlmEscalationVerdict(bool Escalate, string? Why);
