using Bot.Core.Schema;

namespace Bot.Core;

/// <summary>A hook around deleting an activity; call <paramref name="next"/> to delete.</summary>
public delegate Task DeleteActivityHandler(ITurnContext turnContext, ConversationReference reference, Func<Task> next);
