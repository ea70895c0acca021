using System.Text.Json;
using Bot.Core.Schema;
using Npgsql;

namespace Bot.Connector;

/// <inheritdoc/>
public sealed class PostgresConversationReferenceStore(NpgsqlDataSource dataSource) : IConversationReferenceStore
{
    /// <inheritdoc/>
    public async Task SaveAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(activity.Conversation?.Id) || string.IsNullOrEmpty(activity.ServiceUrl))
        {
            return;
        }
        var teams = TeamsChannelData.From(activity.ChannelData);
        var reference = activity.GetConversationReference();
        await using var command = dataSource.CreateCommand("""
            INSERT INTO conversation_references
                (conversation_id, channel_id, service_url, tenant_id, team_id, teams_channel_id, user_id, bot_id, reference, installed)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10)
            ON CONFLICT (conversation_id) DO UPDATE SET
                service_url = EXCLUDED.service_url,
                tenant_id = COALESCE(EXCLUDED.tenant_id, conversation_references.tenant_id),
                team_id = COALESCE(EXCLUDED.team_id, conversation_references.team_id),
                teams_channel_id = COALESCE(EXCLUDED.teams_channel_id, conversation_references.teams_channel_id),
                user_id = COALESCE(EXCLUDED.user_id, conversation_references.user_id),
                bot_id = COALESCE(EXCLUDED.bot_id, conversation_references.bot_id),
                reference = EXCLUDED.reference,
                installed = EXCLUDED.installed,
                updated_at = now()
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = activity.Conversation.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = activity.ChannelId ?? "unknown" });
        command.Parameters.Add(new NpgsqlParameter { Value = activity.ServiceUrl });
        command.Parameters.Add(Nullable(teams.TenantId ?? activity.Conversation.TenantId));
        command.Parameters.Add(Nullable(teams.TeamId));
        command.Parameters.Add(Nullable(teams.ChannelId));
        command.Parameters.Add(Nullable(activity.From?.Role == RoleTypes.Bot ? null : activity.From?.Id));
        command.Parameters.Add(Nullable(activity.Recipient?.Id));
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(reference, BotJson.Options) });
        command.Parameters.Add(new NpgsqlParameter { Value = !RemovesBot(activity) });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<StoredConversationReference?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT reference, tenant_id, team_id, teams_channel_id, installed, updated_at
            FROM conversation_references WHERE conversation_id = $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = conversationId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return new StoredConversationReference(
            JsonSerializer.Deserialize<ConversationReference>(reader.GetString(0), BotJson.Options)!,
            reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.GetBoolean(4),
            reader.GetFieldValue<DateTimeOffset>(5));
    }

    /// <inheritdoc/>
    public async Task<string?> FindServiceUrlAsync(string channelId, string? tenantId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT service_url FROM conversation_references
            WHERE channel_id = $1 AND ($2::text IS NULL OR tenant_id = $2)
            ORDER BY updated_at DESC LIMIT 1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = channelId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)tenantId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>The bot was uninstalled or removed from the conversation: keep the reference, but say so.</summary>
    private static bool RemovesBot(Activity activity) =>
        (activity.Type == ActivityTypes.InstallationUpdate && activity.Action?.StartsWith("remove", StringComparison.Ordinal) == true)
        || (activity.Type == ActivityTypes.ConversationUpdate && activity.MembersRemoved?.Exists(m => m.Id == activity.Recipient?.Id) == true);

    private static NpgsqlParameter Nullable(string? value) =>
        new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text };
}
