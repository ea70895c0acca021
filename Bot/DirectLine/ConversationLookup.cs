using Bot.Knowledge.Transcripts;

namespace Bot.DirectLine;

/// <summary>A Direct Line conversation as the API sees it: unknown (null), live, or expired after being idle.</summary>
public sealed record ConversationLookup(ConversationRecord? Conversation, bool Expired)
{
    public static ConversationLookup Missing { get; } = new(null, false);

    public bool IsActive => Conversation is not null && !Expired;
}
