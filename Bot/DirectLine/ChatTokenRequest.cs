namespace Bot.DirectLine;

/// <summary>Body of <c>POST /api/chat/token</c>.</summary>
public sealed class ChatTokenRequest
{
    public string? UserId { get; set; }

    public string? UserName { get; set; }
}
