namespace Bot.Knowledge.Routing;

/// <summary>A route a message can be sent down, with what it covers (told to an LLM classifier).</summary>
public sealed record RouterRoute(string Name, string Description);
