namespace Bot.Dialogs.Routing;

/// <summary>Names of what decided a <see cref="RouteResult"/>.</summary>
public static class RouterModels
{
    public const string Rules = "rules";
    public const string Examples = "examples";
    public const string Llm = "llm";
    public const string Keywords = "keywords";
}
