namespace Bot.Core;

/// <summary>State of one user in one conversation; key <c>{channelId}/conversations/{conversationId}/users/{fromId}</c>.</summary>
public sealed class PrivateConversationState(IStorage storage) : BotState(storage, nameof(PrivateConversationState))
{
    protected override string GetStorageKey(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var channelId = turnContext.Activity.ChannelId
            ?? throw new InvalidOperationException("invalid activity-missing channelId");
        var conversationId = turnContext.Activity.Conversation?.Id
            ?? throw new InvalidOperationException("invalid activity-missing Conversation.Id");
        var userId = turnContext.Activity.From?.Id
            ?? throw new InvalidOperationException("invalid activity-missing From.Id");
        return $"{channelId}/conversations/{conversationId}/users/{userId}";
    }
}
