using System.Diagnostics;

namespace Bot.Dialogs.Observability;

/// <summary>The bot's traces (ActivitySource <c>Northwind.SupportBot</c>): a span per turn and per agent step.</summary>
public static class SupportTelemetry
{
    public const string SourceName = "Northwind.SupportBot";
    public const string ConversationIdTag = "conversation.id";

    public static ActivitySource Source { get; } = new(SourceName);
}
