namespace Bot.Tests.Infrastructure;

/// <summary>A failure the fake Connector answers with instead of success, once.</summary>
public sealed record ScriptedResponse(int Status, string? RetryAfter = null);
