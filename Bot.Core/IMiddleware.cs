namespace Bot.Core;

/// <summary>A step of the adapter's pipeline that runs around the bot logic of every turn.</summary>
public interface IMiddleware
{
    /// <summary>Processes the turn; call <paramref name="next"/> to run the rest of the pipeline, or skip it to short-circuit.</summary>
    /// <param name="turnContext">The context of this turn.</param>
    /// <param name="next">The rest of the pipeline, ending with the bot logic.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <returns>A task that completes when this middleware is done.</returns>
    Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default);
}
