using Bot.Core;
using Bot.Core.Dialogs;

namespace Bot.Dialogs.Agents;

/// <summary>The state properties the bot and its dialogs share, created once.</summary>
public sealed class SupportStateAccessors(ConversationState conversationState, UserState userState)
{
    public IStatePropertyAccessor<DialogState> DialogState { get; } = conversationState.CreateProperty<DialogState>("DialogState");

    public IStatePropertyAccessor<SupportConversationData> Conversation { get; } = conversationState.CreateProperty<SupportConversationData>("support");

    public IStatePropertyAccessor<UserProfile> Profile { get; } = userState.CreateProperty<UserProfile>("profile");
}
