using System.Text.Json.Serialization;

namespace Bot.Core;

/// <summary>What a <see cref="BotState"/> writes: its properties at top level plus the eTag it expects.</summary>
internal sealed class BotStateDocument : IStoreItem
{
    public string? ETag { get; set; }

    [JsonExtensionData]
    public Dictionary<string, object?> State { get; init; } = new(StringComparer.Ordinal);
}
