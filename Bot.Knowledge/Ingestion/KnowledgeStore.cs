using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Bot.Knowledge.Ingestion;

/// <summary>
/// Writes documents and their chunks. A content hash makes re-ingesting unchanged content a no-op, and a changed
/// document is replaced in one transaction, so searches never see half a document.
/// </summary>
public sealed class KnowledgeStore(NpgsqlDataSource dataSource)
{
    public async Task<IngestOutcome> UpsertAsync(KnowledgeDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var hash = ContentHash(document);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        long? existingId = null;
        string? existingHash = null;
        await using (var find = new NpgsqlCommand("SELECT id, content_hash FROM kb_documents WHERE source = $1 FOR UPDATE", connection, transaction))
        {
            find.Parameters.Add(new NpgsqlParameter { Value = document.Source });
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                existingId = reader.GetInt64(0);
                existingHash = reader.GetString(1);
            }
        }
        if (existingHash == hash)
        {
            return IngestOutcome.Unchanged;
        }

        long documentId;
        await using (var upsert = new NpgsqlCommand("""
            INSERT INTO kb_documents (source, title, url, category, content_hash) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (source) DO UPDATE SET title = $2, url = $3, category = $4, content_hash = $5, updated_at = now()
            RETURNING id
            """, connection, transaction))
        {
            upsert.Parameters.Add(new NpgsqlParameter { Value = document.Source });
            upsert.Parameters.Add(new NpgsqlParameter { Value = document.Title });
            upsert.Parameters.Add(new NpgsqlParameter { Value = (object?)document.Url ?? DBNull.Value });
            upsert.Parameters.Add(new NpgsqlParameter { Value = (object?)document.Category ?? DBNull.Value });
            upsert.Parameters.Add(new NpgsqlParameter { Value = hash });
            documentId = (long)(await upsert.ExecuteScalarAsync(cancellationToken))!;
        }
        await using (var clear = new NpgsqlCommand("DELETE FROM kb_chunks WHERE document_id = $1", connection, transaction))
        {
            clear.Parameters.Add(new NpgsqlParameter { Value = documentId });
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY kb_chunks (document_id, ordinal, title, heading, content, category) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var ordinal = 0; ordinal < document.Sections.Count; ordinal++)
            {
                var section = document.Sections[ordinal];
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(documentId, NpgsqlTypes.NpgsqlDbType.Bigint, cancellationToken);
                await writer.WriteAsync(ordinal, NpgsqlTypes.NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(document.Title, NpgsqlTypes.NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(section.Heading, NpgsqlTypes.NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(section.Content, NpgsqlTypes.NpgsqlDbType.Text, cancellationToken);
                if (document.Category is null)
                {
                    await writer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await writer.WriteAsync(document.Category, NpgsqlTypes.NpgsqlDbType.Text, cancellationToken);
                }
            }
            await writer.CompleteAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return existingId is null ? IngestOutcome.Created : IngestOutcome.Updated;
    }

    public async Task<long> CountDocumentsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM kb_documents");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static string ContentHash(KnowledgeDocument document)
    {
        var text = new StringBuilder()
            .Append(document.Title).Append('\u001f').Append(document.Url).Append('\u001f').Append(document.Category);
        foreach (var section in document.Sections)
        {
            text.Append('\u001e').Append(section.Heading).Append('\u001f').Append(section.Content);
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
