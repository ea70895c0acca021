using Bot.Core.Schema;

namespace Bot.Core;

/// <summary>A hook around sending activities; call <paramref name="next"/> to send (the list may be changed first).</summary>
public delegate Task<ResourceResponse[]> SendActivitiesHandler(ITurnContext turnContext, List<Activity> activities, Func<Task<ResourceResponse[]>> next);
