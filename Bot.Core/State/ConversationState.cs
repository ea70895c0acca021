namespace Bot.Core;

/// <summary>State shared by everyone in a conversation; key <c>{channelId}/conversations/{conversationId}</c>.</summary>
public sealed class ConversationState(IStorage storage) : BotState(storage, nameof(ConversationState))
{
    protected override string GetStorageKey(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var channelId = turnContext.Activity.ChannelId
            ?? throw new InvalidOperationException("invalid activity-missing channelId");
        var conversationId = turnContext.Activity.Conversation?.Id
            ?? throw new InvalidOperationException("invalid activity-missing Conversation.Id");
        return $"{channelId}/conversations/{conversationId}";
    }
}
