namespace Bot.Hub;

/// <summary>
/// The <c>value</c> of a <c>handoff.status</c> event the hub sends into a conversation: the protocol's <c>state</c> and
/// <c>message</c>, and for the bot the handoff's id, its outcome and the agent's name.
/// </summary>
public sealed record HandoffStatusEvent(string State, string? Message, long HandoffId, string? Outcome, HandoffStatusAgent? Agent);

/// <summary>Who accepted (or completed) the handoff.</summary>
public sealed record HandoffStatusAgent(string Name);
