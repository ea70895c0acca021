using Bot.Core.Schema;

namespace Bot.Connector;

/// <summary>The conversation references of Connector conversations, kept up to date from inbound activities, for proactive messages.</summary>
public interface IConversationReferenceStore
{
    /// <summary>Records (or refreshes) the reference of the activity's conversation, with its Teams team, channel and tenant.</summary>
    Task SaveAsync(Activity activity, CancellationToken cancellationToken);

    /// <summary>The stored reference of a conversation, or null.</summary>
    Task<StoredConversationReference?> FindAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>The most recently seen service URL of a channel (for a tenant, when given), or null.</summary>
    Task<string?> FindServiceUrlAsync(string channelId, string? tenantId, CancellationToken cancellationToken);
}
