namespace Bot.Dialogs.Responses;

/// <summary>What a channel can show. Channels not listed (SMS, e-mail, unknown ones) get plain text.</summary>
public static class ChannelCapabilities
{
    public const string Teams = "msteams";

    private static readonly HashSet<string> AdaptiveCardChannels = new(StringComparer.OrdinalIgnoreCase)
    {
        "directline", "webchat", Teams, "emulator", "test", "directlinespeech", "omnichannel", "slack", "webex",
    };

    public static bool SupportsAdaptiveCards(string? channelId) => channelId is not null && AdaptiveCardChannels.Contains(channelId);

    /// <summary>Teams takes <c>Action.Execute</c> (Universal Actions) with <c>Action.Submit</c> as the fallback.</summary>
    public static bool PrefersExecuteActions(string? channelId) => string.Equals(channelId, Teams, StringComparison.OrdinalIgnoreCase);
}
