using System.Text.Json.Serialization;

namespace Bot.DirectLine;

/// <summary>What the web page gets from <c>POST /api/chat/token</c>.</summary>
public sealed record ChatToken(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("userId")] string UserId);
