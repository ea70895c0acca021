using System.ComponentModel.DataAnnotations;

namespace Bot.Connector;

/// <summary>How the Bot Connector client retries: exponential backoff with jitter on 408, 429 and 5xx, honouring Retry-After.</summary>
public sealed class ConnectorClientOptions
{
    public const string SectionName = "Connector";

    /// <summary>Retries after the first attempt; 0 turns retrying off.</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first backoff delay; each retry doubles it (with jitter).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest the client waits before a retry, whatever Retry-After asks for.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time allowed for one attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
