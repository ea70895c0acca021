namespace Bot.Core;

/// <summary>State of one user across conversations of a channel; key <c>{channelId}/users/{fromId}</c>.</summary>
public sealed class UserState(IStorage storage) : BotState(storage, nameof(UserState))
{
    protected override string GetStorageKey(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var channelId = turnContext.Activity.ChannelId
            ?? throw new InvalidOperationException("invalid activity-missing channelId");
        var userId = turnContext.Activity.From?.Id
            ?? throw new InvalidOperationException("invalid activity-missing From.Id");
        return $"{channelId}/users/{userId}";
    }
}
