namespace Bot.Dialogs.Escalation;

/// <summary>The <c>value</c> of the <c>handoff.initiate</c> event: what the agent desk needs before reading the transcript.</summary>
public sealed record HandoffContext(long HandoffId, string? Route, IReadOnlyList<string> Reasons, string Summary, string Question);
