using System.Text.Json.Serialization;

namespace Bot.Core;

/// <summary>A stored value that takes part in optimistic concurrency through its eTag.</summary>
public interface IStoreItem
{
    /// <summary>Gets or sets the eTag: the stored version when read, the expected version when written ("*" or null: any).</summary>
    [JsonPropertyName("eTag")]
    string? ETag { get; set; }
}
