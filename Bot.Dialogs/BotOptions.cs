namespace Bot.Dialogs;

/// <summary>How the bot presents itself and what it reveals.</summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    public string Name { get; set; } = "Northwind Assistant";

    /// <summary>Attach <c>channelData.supportTrace</c> to every reply (on in Development).</summary>
    public bool ExposeTrace { get; set; }
}
