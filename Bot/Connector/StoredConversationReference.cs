using Bot.Core.Schema;

namespace Bot.Connector;

/// <summary>A stored conversation reference and what Teams said about where the conversation lives.</summary>
public sealed record StoredConversationReference(
    ConversationReference Reference,
    string? TenantId,
    string? TeamId,
    string? TeamsChannelId,
    bool Installed,
    DateTimeOffset UpdatedAt);
