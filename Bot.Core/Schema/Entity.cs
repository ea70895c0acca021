using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Core.Schema;

/// <summary>Metadata attached to an activity (mention, clientInfo, ...); peer fields live in <see cref="Properties"/>.</summary>
public sealed class Entity
{
    public Entity()
    {
    }

    public Entity(string? type)
    {
        Type = type;
    }

    public string? Type { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>Reads this entity (type and peer fields) as a typed object.</summary>
    public T? GetAs<T>() => JsonSerializer.SerializeToElement(this, BotJson.Options).Deserialize<T>(BotJson.Options);
}
