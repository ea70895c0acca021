using Bot.Core;

namespace Bot.Dialogs.Escalation;

/// <summary>The conversation-state property holding <see cref="ConversationSignals"/>.</summary>
public sealed class SignalStateAccessor(ConversationState conversationState)
{
    public IStatePropertyAccessor<ConversationSignals> Signals { get; } = conversationState.CreateProperty<ConversationSignals>("signals");

    public Task<ConversationSignals> GetAsync(ITurnContext context, CancellationToken cancellationToken) =>
        Signals.GetAsync(context, () => new ConversationSignals(), cancellationToken);
}
