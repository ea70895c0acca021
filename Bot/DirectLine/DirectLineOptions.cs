using System.ComponentModel.DataAnnotations;

namespace Bot.DirectLine;

/// <summary>The self-hosted Direct Line 3.0 channel.</summary>
public sealed class DirectLineOptions
{
    public const string SectionName = "DirectLine";

    /// <summary>The channel secret: mints tokens and may call every conversation. Never give it to a browser.</summary>
    [Required(ErrorMessage = "Set DirectLine:Secret (environment DirectLine__Secret); Development generates one.")]
    [MinLength(16, ErrorMessage = "DirectLine:Secret must be at least 16 characters.")]
    public string Secret { get; set; } = "";

    /// <summary>Key that signs tokens; derived from the secret when empty.</summary>
    public string? TokenSigningKey { get; set; }

    /// <summary>Token lifetime; longer than the 15 minutes after which clients refresh.</summary>
    [Range(typeof(TimeSpan), "00:16:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a <c>streamUrl</c> may be used to open its WebSocket.</summary>
    public TimeSpan StreamTokenLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Largest accepted activity, in bytes of JSON (the real service allows 256K characters).</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>The bot's identity in Direct Line conversations.</summary>
    public string BotId { get; set; } = "support-bot";

    public string BotName { get; set; } = "Northwind Assistant";
}
