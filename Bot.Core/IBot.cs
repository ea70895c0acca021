namespace Bot.Core;

/// <summary>A bot: handles one turn (one inbound activity) at a time.</summary>
public interface IBot
{
    /// <summary>Handles the inbound activity of <paramref name="turnContext"/>.</summary>
    /// <param name="turnContext">The context of this turn.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <returns>A task that completes when the turn is handled.</returns>
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default);
}
