using System.Text.Json.Serialization;
using Bot.Core.Schema;

namespace Bot.DirectLine;

/// <summary>The Direct Line <c>Conversation</c> object returned by start, reconnect and token calls.</summary>
public sealed record DirectLineConversation(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("streamUrl"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? StreamUrl = null);

/// <summary>A page of activities and the watermark to continue from.</summary>
public sealed record ActivitySet(
    [property: JsonPropertyName("activities")] IReadOnlyList<Activity> Activities,
    [property: JsonPropertyName("watermark"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Watermark);

/// <summary>Optional body of token and start calls.</summary>
public sealed class TokenParameters
{
    public ChannelAccount? User { get; set; }

    public string? Locale { get; set; }
}

/// <summary>Body of <c>POST /api/chat/token</c>.</summary>
public sealed class ChatTokenRequest
{
    public string? UserId { get; set; }

    public string? UserName { get; set; }
}

/// <summary>What the web page gets from <c>POST /api/chat/token</c>.</summary>
public sealed record ChatToken(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("userId")] string UserId);
