namespace Bot.Knowledge.Transcripts;

/// <summary>A conversation as the transcript knows it; <paramref name="LastSeq"/> is -1 while it has no activities.</summary>
public sealed record ConversationRecord(
    string Id, string ChannelId, string? UserId, string? ServiceUrl, DateTimeOffset CreatedAt = default, long LastSeq = -1);
