namespace Bot.DirectLine;

/// <summary>Who is calling the Direct Line API: the secret holder, or a token bound to one conversation and user.</summary>
public sealed record DirectLineCaller(bool IsSecret, string? ConversationId, string? UserId, string? UserName)
{
    public static DirectLineCaller Secret { get; } = new(true, null, null, null);

    public bool MayAccess(string conversationId) =>
        IsSecret || string.Equals(ConversationId, conversationId, StringComparison.Ordinal);
}
