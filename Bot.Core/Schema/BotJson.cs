using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Bot.Core.Schema;

/// <summary>
/// The one set of JSON options the core serializes with: camelCase out, case-insensitive in, nulls omitted.
/// </summary>
public static class BotJson
{
    /// <summary>Gets the shared, read-only serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            PropertyNameCaseInsensitive = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            MaxDepth = 128,

            // The Bot Framework serializer (Newtonsoft) leaves non-ASCII text and '<', '&', '+' unescaped;
            // the default encoder would rewrite channelData and card payloads that clients compare verbatim.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,

            // Senders should omit empty attachments and entities arrays (activity spec A2004).
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitEmptyActivityLists } },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static void OmitEmptyActivityLists(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Type != typeof(Activity))
        {
            return;
        }
        foreach (var property in typeInfo.Properties)
        {
            if (property.Name is "attachments" or "entities" or "membersAdded" or "membersRemoved")
            {
                property.ShouldSerialize = static (_, value) => value is System.Collections.ICollection { Count: > 0 };
            }
        }
    }

    /// <summary>
    /// Converts a value that may have come back from JSON (a <see cref="JsonElement"/> or <see cref="JsonNode"/>)
    /// to <typeparamref name="T"/>; a value that already is a <typeparamref name="T"/> passes through.
    /// </summary>
    internal static T? ConvertTo<T>(object? value) => value switch
    {
        null => default,
        T typed => typed,
        JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => default,
        JsonElement element => element.Deserialize<T>(Options),
        JsonNode node => node.Deserialize<T>(Options),
        _ => JsonSerializer.SerializeToElement(value, value.GetType(), Options).Deserialize<T>(Options),
    };
}
