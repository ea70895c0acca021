using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Bot.Dialogs.Cards;

/// <summary>
/// A subset of the Adaptive Cards templating language, enough for the cards in <c>cards/</c>:
/// <c>${name}</c> in strings, <c>$data</c> to repeat an element for each item of an array, and <c>$when</c> to drop it.
/// </summary>
public sealed partial class CardTemplate
{
    private readonly JsonNode _template;

    public CardTemplate(JsonNode template) => _template = template;

    /// <summary>The card with the data bound in; the template is left untouched.</summary>
    public JsonObject Expand(JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return (JsonObject)Bind(_template, data)!;
    }

    private static JsonNode? Bind(JsonNode? node, JsonObject scope) => node switch
    {
        JsonObject obj => BindObject(obj, scope),
        JsonArray array => BindArray(array, scope),
        JsonValue value when value.TryGetValue<string>(out var text) => BindString(text, scope),
        _ => node?.DeepClone(),
    };

    private static JsonObject BindObject(JsonObject obj, JsonObject scope)
    {
        var result = new JsonObject();
        foreach (var (name, value) in obj)
        {
            if (name is "$data" or "$when")
            {
                continue;
            }
            result[name] = Bind(value, scope);
        }
        return result;
    }

    private static JsonArray BindArray(JsonArray array, JsonObject scope)
    {
        var result = new JsonArray();
        foreach (var item in array)
        {
            if (item is JsonObject element && element["$data"] is JsonValue dataRef && dataRef.TryGetValue<string>(out var path))
            {
                if (Resolve(path, scope) is JsonArray items)
                {
                    foreach (var entry in items.OfType<JsonObject>())
                    {
                        if (IsIncluded(element, entry))
                        {
                            result.Add(BindObject(element, entry));
                        }
                    }
                }
                continue;
            }
            if (item is JsonObject candidate && !IsIncluded(candidate, scope))
            {
                continue;
            }
            result.Add(Bind(item, scope));
        }
        return result;
    }

    private static bool IsIncluded(JsonObject element, JsonObject scope)
    {
        if (element["$when"] is not JsonValue when || !when.TryGetValue<string>(out var expression))
        {
            return true;
        }
        return Resolve(expression, scope) switch
        {
            null => false,
            JsonValue v when v.TryGetValue<bool>(out var flag) => flag,
            JsonValue v when v.TryGetValue<string>(out var s) => s.Length > 0,
            JsonArray a => a.Count > 0,
            _ => true,
        };
    }

    private static JsonNode? BindString(string text, JsonObject scope)
    {
        var whole = Placeholder().Match(text);
        if (whole.Success && whole.Length == text.Length)
        {
            return Resolve(text, scope)?.DeepClone() ?? JsonValue.Create("");
        }
        return JsonValue.Create(Placeholder().Replace(text, m => Resolve(m.Value, scope)?.ToString() ?? ""));
    }

    private static JsonNode? Resolve(string expression, JsonObject scope)
    {
        var match = Placeholder().Match(expression);
        if (!match.Success)
        {
            return null;
        }
        JsonNode? current = scope;
        foreach (var part in match.Groups[1].Value.Split('.'))
        {
            current = current is JsonObject obj ? obj[part] : null;
        }
        return current;
    }

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_.]*)\}")]
    private static partial Regex Placeholder();
}
