using System.Text.Json;
using Bot.Core.Schema;

namespace Bot.Core;

/// <summary>Typed reads over <see cref="IStorage"/>.</summary>
public static class StorageExtensions
{
    /// <summary>Reads documents as <typeparamref name="TStoreItem"/>; values that do not convert are left out.</summary>
    public static async Task<IDictionary<string, TStoreItem>> ReadAsync<TStoreItem>(this IStorage storage, string[] keys, CancellationToken cancellationToken = default)
        where TStoreItem : class
    {
        ArgumentNullException.ThrowIfNull(storage);
        var items = await storage.ReadAsync(keys, cancellationToken);
        var result = new Dictionary<string, TStoreItem>(items.Count, StringComparer.Ordinal);
        foreach (var (key, value) in items)
        {
            if (TryConvert<TStoreItem>(value, out var item))
            {
                result[key] = item;
            }
        }

        return result;
    }

    private static bool TryConvert<T>(object value, out T item)
        where T : class
    {
        item = null!;
        try
        {
            var converted = BotJson.ConvertTo<T>(value);
            if (converted == null)
            {
                return false;
            }

            item = converted;
            return true;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            return false;
        }
    }
}
