namespace Bot.Dialogs.Routing;

/// <summary>The default routes (knowledge-base categories) a message is sent down.</summary>
public static class Routes
{
    public const string Technical = "technical";
    public const string Billing = "billing";
    public const string General = "general";
}
