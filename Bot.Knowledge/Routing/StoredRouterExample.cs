namespace Bot.Knowledge.Routing;

/// <summary>A stored example. <paramref name="Vector"/> is the active embedder's (null in listings).</summary>
public sealed record StoredRouterExample(
    long Id, string Text, string Route, string? Intent, string Source, DateTimeOffset CreatedAt, float[]? Vector = null);
