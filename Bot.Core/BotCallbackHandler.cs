namespace Bot.Core;

/// <summary>The bot logic an adapter runs at the end of the middleware pipeline.</summary>
public delegate Task BotCallbackHandler(ITurnContext turnContext, CancellationToken cancellationToken);
