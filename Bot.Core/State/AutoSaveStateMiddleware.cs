namespace Bot.Core;

/// <summary>Saves the given states after the rest of the pipeline has run.</summary>
public sealed class AutoSaveStateMiddleware : IMiddleware
{
    public AutoSaveStateMiddleware(params BotState[] botStates)
    {
        BotStateSet = new BotStateSet(botStates);
    }

    public AutoSaveStateMiddleware(BotStateSet botStateSet)
    {
        BotStateSet = botStateSet ?? throw new ArgumentNullException(nameof(botStateSet));
    }

    public BotStateSet BotStateSet { get; }

    public AutoSaveStateMiddleware Add(BotState botState)
    {
        BotStateSet.Add(botState);
        return this;
    }

    /// <inheritdoc/>
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(next);
        await next(cancellationToken);
        await BotStateSet.SaveAllChangesAsync(turnContext, false, cancellationToken);
    }
}
