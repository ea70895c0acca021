namespace Bot.Core.Schema;

/// <summary>Well-known values of <see cref="Activity.ChannelId"/>.</summary>
public static class Channels
{
    public const string Directline = "directline";
    public const string DirectlineSpeech = "directlinespeech";
    public const string Webchat = "webchat";
    public const string Msteams = "msteams";
    public const string Emulator = "emulator";
    public const string Test = "test";
}
