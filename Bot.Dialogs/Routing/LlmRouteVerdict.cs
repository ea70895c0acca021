namespace Bot.Dialogs.Routing;

/// <summary>What the LLM classifier answers (JSON schema output).</summary>
/// <param name="Route">One of the route names it was given.</param>
/// <param name="Intent">One of the intents it was given.</param>
/// <param name="Confidence">How sure it is, 0..1.</param>
public sealed record LlmRouteVerdict(string Route, string Intent, double Confidence);
