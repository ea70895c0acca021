namespace Bot.Core.Schema;

/// <summary>Everything needed to send into a conversation later (proactive messages).</summary>
public sealed class ConversationReference
{
    public string? ActivityId { get; set; }

    public ChannelAccount? User { get; set; }

    public ChannelAccount? Bot { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public string? ChannelId { get; set; }

    public string? Locale { get; set; }

    public string? ServiceUrl { get; set; }

    /// <summary>Builds the <c>ContinueConversation</c> event used to start a proactive turn.</summary>
    public Activity GetContinuationActivity() => new()
    {
        Type = ActivityTypes.Event,
        Name = ActivityEventNames.ContinueConversation,
        Id = Guid.NewGuid().ToString(),
        ChannelId = ChannelId,
        Locale = Locale,
        ServiceUrl = ServiceUrl,
        Conversation = Conversation,
        Recipient = Bot,
        From = User,
        RelatesTo = this,
    };
}
