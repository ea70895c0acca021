namespace Bot.Core;

/// <summary>An ordered set of middleware that runs as one, with the bot callback at the end.</summary>
public sealed class MiddlewareSet : IMiddleware
{
    private readonly List<IMiddleware> _middleware = [];

    public MiddlewareSet Use(IMiddleware middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        _middleware.Add(middleware);
        return this;
    }

    /// <summary>Runs the middleware in order, then <paramref name="callback"/>; a middleware that does not call next stops the rest.</summary>
    public Task ReceiveActivityWithStatusAsync(ITurnContext turnContext, BotCallbackHandler? callback, CancellationToken cancellationToken = default) =>
        ReceiveActivityInternalAsync(turnContext, callback, 0, cancellationToken);

    /// <inheritdoc/>
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(next);
        await ReceiveActivityInternalAsync(turnContext, null, 0, cancellationToken);
        await next(cancellationToken);
    }

    private Task ReceiveActivityInternalAsync(ITurnContext turnContext, BotCallbackHandler? callback, int index, CancellationToken cancellationToken)
    {
        if (index == _middleware.Count)
        {
            return callback?.Invoke(turnContext, cancellationToken) ?? Task.CompletedTask;
        }

        return _middleware[index].OnTurnAsync(
            turnContext,
            ct => ReceiveActivityInternalAsync(turnContext, callback, index + 1, ct),
            cancellationToken);
    }
}
