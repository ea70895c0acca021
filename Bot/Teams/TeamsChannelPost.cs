namespace Bot.Teams;

/// <summary>A card the bot posted into a Teams channel: its thread (conversation) and message id, to update it later.</summary>
public sealed record TeamsChannelPost(string ConversationId, string ActivityId, string ServiceUrl);
