using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Core.Schema;

namespace Bot.Core;

/// <summary>A thread-safe in-process <see cref="IStorage"/> that keeps each document as a JSON string.</summary>
public sealed class MemoryStorage : IStorage
{
    private const string ETagProperty = "eTag";

    private readonly Dictionary<string, (string Json, string? ETag)> _memory = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private long _eTag;

    /// <inheritdoc/>
    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new List<(string Key, string Json)>(keys.Length);
        lock (_lock)
        {
            foreach (var key in keys)
            {
                if (_memory.TryGetValue(key, out var entry))
                {
                    found.Add((key, entry.Json));
                }
            }
        }

        var result = new Dictionary<string, object>(found.Count, StringComparer.Ordinal);
        foreach (var (key, json) in found)
        {
            result[key] = JsonSerializer.Deserialize<JsonElement>(json, BotJson.Options);
        }

        return Task.FromResult<IDictionary<string, object>>(result);
    }

    /// <inheritdoc/>
    /// <remarks>All eTags of a batch are checked before anything is written, so a conflict writes nothing.</remarks>
    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var documents = changes.Select(c => (c.Key, Value: c.Value, Node: ToNode(c.Value))).ToList();
        lock (_lock)
        {
            foreach (var (key, value, _) in documents)
            {
                if (value is IStoreItem { ETag: { } expected } && expected != "*"
                    && _memory.TryGetValue(key, out var stored) && stored.ETag != expected)
                {
                    throw new EtagConflictException(key);
                }
            }

            foreach (var (key, value, node) in documents)
            {
                if (node == null)
                {
                    _memory.Remove(key);
                    continue;
                }

                string? eTag = null;
                if (node is JsonObject document)
                {
                    eTag = (++_eTag).ToString(CultureInfo.InvariantCulture);
                    document[ETagProperty] = eTag;
                }

                _memory[key] = (node.ToJsonString(BotJson.Options), eTag);
                if (value is IStoreItem item)
                {
                    item.ETag = eTag;
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (_lock)
        {
            foreach (var key in keys)
            {
                _memory.Remove(key);
            }
        }

        return Task.CompletedTask;
    }

    private static JsonNode? ToNode(object? value) =>
        value == null ? null : JsonSerializer.SerializeToNode(value, value.GetType(), BotJson.Options);
}
