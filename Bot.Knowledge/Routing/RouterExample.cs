namespace Bot.Knowledge.Routing;

/// <summary>A labelled utterance the router learns from.</summary>
/// <param name="Text">The customer's words.</param>
/// <param name="Route">The route (category) it belongs to, e.g. <c>technical</c>, <c>billing</c>, <c>general</c>.</param>
/// <param name="Intent">The intent (<c>question</c>, <c>greeting</c>, ...), or null when only the route is known.</param>
/// <param name="Source">Where it came from: <c>seed</c>, <c>import</c>, <c>api</c>, <c>correction</c>.</param>
public sealed record RouterExample(string Text, string Route, string? Intent, string Source);
