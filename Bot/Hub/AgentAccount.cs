namespace Bot.Hub;

/// <summary>A person who signs in to the hub (table <c>agents</c>).</summary>
public sealed record AgentAccount(
    long Id, string Username, string DisplayName, string PasswordHash, string Role, IReadOnlyList<string> Groups, bool Disabled);
