namespace Bot.Core.Schema;

/// <summary>The result of creating a conversation.</summary>
public sealed class ConversationResourceResponse
{
    public string? Id { get; set; }

    public string? ActivityId { get; set; }

    public string? ServiceUrl { get; set; }
}
