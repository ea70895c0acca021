using Bot.Core.Schema;

namespace Bot.Core;

/// <summary>A hook around updating an activity; call <paramref name="next"/> to update.</summary>
public delegate Task<ResourceResponse> UpdateActivityHandler(ITurnContext turnContext, Activity activity, Func<Task<ResourceResponse>> next);
