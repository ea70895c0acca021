using Npgsql;

namespace Bot.Knowledge.Ingestion;

/// <summary>The read and delete side of the store: list (newest first, keyset paging by id), one document with its chunks, deletes.</summary>
public sealed partial class KnowledgeStore
{
    /// <summary>Deletes one document and its chunks; false when there is no such document.</summary>
    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("DELETE FROM kb_documents WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>Deletes the documents of a source (a file, with all its FAQ rows); returns their sources.</summary>
    public async Task<IReadOnlyList<string>> DeleteSourceAsync(string source, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        await using var command = _dataSource.CreateCommand(
            "DELETE FROM kb_documents WHERE source = $1 OR starts_with(source, $1 || '#') RETURNING source");
        command.Parameters.Add(new NpgsqlParameter { Value = source });
        var deleted = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            deleted.Add(reader.GetString(0));
        }
        return deleted;
    }

    /// <summary>
    /// Documents newest first (highest id first, so what was just ingested is on the first page), those with an id below
    /// <paramref name="after"/> (the previous page's <see cref="KnowledgeDocumentPage.Next"/>) when given: keyset paging.
    /// </summary>
    public async Task<KnowledgeDocumentPage> ListAsync(long? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var command = _dataSource.CreateCommand("""
            SELECT d.id, d.source, d.title, d.url, d.category, d.updated_at,
                   (SELECT count(*) FROM kb_chunks c WHERE c.document_id = d.id)::int
            FROM kb_documents d
            WHERE $1::bigint IS NULL OR d.id < $1
            ORDER BY d.id DESC
            LIMIT $2
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)after ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = limit + 1 });
        var items = new List<KnowledgeDocumentSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new KnowledgeDocumentSummary(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), NullableString(reader, 3), NullableString(reader, 4),
                reader.GetInt32(6), reader.GetFieldValue<DateTimeOffset>(5)));
        }
        var more = items.Count > limit;
        if (more)
        {
            items.RemoveAt(limit);
        }
        return new KnowledgeDocumentPage(items, more ? items[^1].Id : null);
    }

    /// <summary>The categories documents have, by name, with how many documents each.</summary>
    public async Task<IReadOnlyList<KnowledgeCategory>> CategoriesAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT category, count(*)::int FROM kb_documents WHERE category IS NOT NULL GROUP BY category ORDER BY category");
        var categories = new List<KnowledgeCategory>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            categories.Add(new KnowledgeCategory(reader.GetString(0), reader.GetInt32(1)));
        }
        return categories;
    }

    /// <summary>One document with its chunks in order, or null.</summary>
    public async Task<KnowledgeDocumentDetails?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var batch = _dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            "SELECT id, source, title, url, category, content_hash, created_at, updated_at FROM kb_documents WHERE id = $1")
        {
            Parameters = { new NpgsqlParameter { Value = id } },
        });
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            "SELECT id, ordinal, heading, content, embedding IS NOT NULL FROM kb_chunks WHERE document_id = $1 ORDER BY ordinal")
        {
            Parameters = { new NpgsqlParameter { Value = id } },
        });
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        var document = new KnowledgeDocumentDetails(
            reader.GetInt64(0), reader.GetString(1), reader.GetString(2), NullableString(reader, 3), NullableString(reader, 4),
            reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6), reader.GetFieldValue<DateTimeOffset>(7), []);
        await reader.NextResultAsync(cancellationToken);
        var chunks = new List<StoredChunk>();
        while (await reader.ReadAsync(cancellationToken))
        {
            chunks.Add(new StoredChunk(reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3), reader.GetBoolean(4)));
        }
        return document with { Chunks = chunks };
    }

    public async Task<long> CountDocumentsAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT count(*) FROM kb_documents");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
