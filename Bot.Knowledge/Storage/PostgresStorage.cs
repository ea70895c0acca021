using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Core;
using Bot.Core.Schema;
using Npgsql;
using NpgsqlTypes;

namespace Bot.Knowledge.Storage;

/// <summary>
/// <see cref="IStorage"/> over the <c>bot_state</c> table: one JSONB document per key, with the eTag both in a column
/// (for the conditional write) and in the document's <c>eTag</c> property (so a read fills <see cref="IStoreItem.ETag"/>).
/// </summary>
public sealed class PostgresStorage(NpgsqlDataSource dataSource) : IStorage
{
    /// <inheritdoc/>
    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var items = new Dictionary<string, object>(StringComparer.Ordinal);
        if (keys.Length == 0)
        {
            return items;
        }

        await using var command = dataSource.CreateCommand("SELECT key, document FROM bot_state WHERE key = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = keys, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            using var document = JsonDocument.Parse(reader.GetString(1));
            items[reader.GetString(0)] = document.RootElement.Clone();
        }
        return items;
    }

    /// <inheritdoc/>
    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var written = new List<(IStoreItem Item, string ETag)>();
        foreach (var (key, value) in changes)
        {
            var expected = (value as IStoreItem)?.ETag;
            var etag = Guid.NewGuid().ToString("N");
            var document = ToDocument(value, etag);
            if (!await WriteOneAsync(connection, transaction, key, document, etag, expected, cancellationToken))
            {
                throw new EtagConflictException(key);
            }
            if (value is IStoreItem item)
            {
                written.Add((item, etag));
            }
        }
        await transaction.CommitAsync(cancellationToken);
        foreach (var (item, etag) in written)
        {
            item.ETag = etag;
        }
    }

    /// <inheritdoc/>
    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Length == 0)
        {
            return;
        }
        await using var command = dataSource.CreateCommand("DELETE FROM bot_state WHERE key = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = keys, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Unconditional for null or "*"; otherwise the stored eTag must match, and a missing row is inserted
    /// (the same rules as <see cref="MemoryStorage"/>). Returns false on a conflict.
    /// </summary>
    private static async Task<bool> WriteOneAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string key, string document, string etag, string? expected,
        CancellationToken cancellationToken)
    {
        var unconditional = expected is null || expected == "*";
        var sql = unconditional
            ? """
              INSERT INTO bot_state (key, document, etag, updated_at) VALUES ($1, $2::jsonb, $3, now())
              ON CONFLICT (key) DO UPDATE SET document = EXCLUDED.document, etag = EXCLUDED.etag, updated_at = now()
              """
            : """
              INSERT INTO bot_state (key, document, etag, updated_at) VALUES ($1, $2::jsonb, $3, now())
              ON CONFLICT (key) DO UPDATE SET document = EXCLUDED.document, etag = EXCLUDED.etag, updated_at = now()
              WHERE bot_state.etag = $4
              """;
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        command.Parameters.Add(new NpgsqlParameter { Value = document });
        command.Parameters.Add(new NpgsqlParameter { Value = etag });
        if (!unconditional)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = expected! });
        }
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static string ToDocument(object value, string etag)
    {
        var node = value switch
        {
            JsonElement element => JsonNode.Parse(element.GetRawText()),
            JsonNode existing => existing.DeepClone(),
            _ => JsonSerializer.SerializeToNode(value, value.GetType(), BotJson.Options),
        };
        if (node is JsonObject document)
        {
            document["eTag"] = etag;
        }
        return node?.ToJsonString(BotJson.Options) ?? "null";
    }
}
