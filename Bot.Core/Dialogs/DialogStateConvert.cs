using Bot.Core.Schema;

namespace Bot.Core.Dialogs;

/// <summary>
/// Reads values of persisted dialog state. State is plain JSON, so after a save and reload a value stored as a
/// number or object comes back as a <see cref="System.Text.Json.JsonElement"/>.
/// </summary>
public static class DialogStateConvert
{
    /// <summary>Converts a JSON value to <typeparamref name="T"/> with <see cref="BotJson.Options"/>; a <typeparamref name="T"/> passes through.</summary>
    public static T? To<T>(object? value) => BotJson.ConvertTo<T>(value);

    /// <summary>
    /// Reads <paramref name="key"/> of <paramref name="state"/> as <typeparamref name="T"/> and stores the converted
    /// value back, so later changes to it are persisted.
    /// </summary>
    internal static T? Materialize<T>(IDictionary<string, object?> state, string key)
    {
        if (!state.TryGetValue(key, out var raw))
        {
            return default;
        }

        if (raw is T typed)
        {
            return typed;
        }

        var converted = To<T>(raw);
        state[key] = converted;
        return converted;
    }
}
