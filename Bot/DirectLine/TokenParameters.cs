using Bot.Core.Schema;

namespace Bot.DirectLine;

/// <summary>Optional body of token and start calls.</summary>
public sealed class TokenParameters
{
    public ChannelAccount? User { get; set; }

    public string? Locale { get; set; }
}
