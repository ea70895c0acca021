using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Core.Schema;

/// <summary>A reaction (like, heart, ...) added to or removed from a message.</summary>
public sealed class MessageReaction
{
    public string? Type { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
