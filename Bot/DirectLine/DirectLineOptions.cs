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

    /// <summary>Largest accepted upload (all files of one <c>upload</c> call together), in bytes.</summary>
    [Range(1024, 256 * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Most files accepted in one <c>upload</c> call.</summary>
    [Range(1, 100)]
    public int MaxUploadFiles { get; set; } = 10;

    /// <summary>How long uploaded files are served (the real service deletes them after 24 hours).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan AttachmentLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// A conversation with no new activity for this long expires: 404 from then on, its sockets closed, its data kept.
    /// Null or zero: conversations never expire.
    /// </summary>
    public TimeSpan? ConversationIdleTimeout { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How often idle conversations are looked for.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "1.00:00:00")]
    public TimeSpan ExpirySweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Most WebSockets this process keeps open (one per conversation); more are refused before the upgrade.</summary>
    [Range(1, 1_000_000)]
    public int MaxOpenSockets { get; set; } = 10_000;

    /// <summary>Requests one token (one conversation and user) may make in a burst; 0 turns the limit off.</summary>
    [Range(0, 100_000)]
    public int RateLimitBurst { get; set; } = 120;

    /// <summary>Requests per second one token may make in the long run (the burst refills at this rate).</summary>
    [Range(0.01, 10_000)]
    public double RateLimitPerSecond { get; set; } = 4;

    /// <summary>The bot's identity in Direct Line conversations.</summary>
    public string BotId { get; set; } = "support-bot";

    public string BotName { get; set; } = "Northwind Assistant";
}
