using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bot.DirectLine;

/// <summary>
/// Uploaded files in PostgreSQL (<c>directline_attachments</c>), each under a random 192-bit id that is the only key
/// to it, served until <see cref="DirectLineOptions.AttachmentLifetime"/> has passed.
/// </summary>
public sealed class AttachmentStore(NpgsqlDataSource dataSource, IOptions<DirectLineOptions> options)
{
    /// <summary>Stores a file of a conversation and returns its new id.</summary>
    public async Task<string> SaveAsync(string conversationId, string? userId, UploadedFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        await using var command = dataSource.CreateCommand("""
            INSERT INTO directline_attachments (id, conversation_id, user_id, name, content_type, size_bytes, sha256, content, expires_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now() + $9::interval)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = conversationId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)userId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = file.Name });
        command.Parameters.Add(new NpgsqlParameter { Value = file.ContentType });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)file.Content.Length });
        command.Parameters.Add(new NpgsqlParameter { Value = SHA256.HashData(file.Content) });
        command.Parameters.Add(new NpgsqlParameter { Value = file.Content });
        command.Parameters.Add(new NpgsqlParameter { Value = options.Value.AttachmentLifetime });
        await command.ExecuteNonQueryAsync(cancellationToken);
        return id;
    }

    /// <summary>Records which activity carried the files, for analytics.</summary>
    public async Task LinkAsync(IReadOnlyList<string> attachmentIds, string activityId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attachmentIds);
        await using var command = dataSource.CreateCommand("UPDATE directline_attachments SET activity_id = $2 WHERE id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = attachmentIds.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = activityId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The file, or null when the id is unknown or the file is past its lifetime.</summary>
    public async Task<StoredAttachment?> FindAsync(string attachmentId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id, name, content_type, content FROM directline_attachments WHERE id = $1 AND expires_at > now()");
        command.Parameters.Add(new NpgsqlParameter { Value = attachmentId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return new StoredAttachment(
            reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.GetFieldValue<byte[]>(3));
    }
}
