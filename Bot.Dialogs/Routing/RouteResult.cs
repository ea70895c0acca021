namespace Bot.Dialogs.Routing;

/// <summary>The Router agent's verdict: a route (category), how sure it is (0..1), and the intent.</summary>
public sealed record RouteResult(string Category, double Confidence, string Intent);
