using Bot.Core.Schema;

namespace Bot.Core;

/// <summary>
/// Sends typing activities while the bot works on an inbound message: first after <c>delay</c>, then every <c>period</c>.
/// </summary>
public sealed class ShowTypingMiddleware : IMiddleware
{
    private readonly TimeSpan _delay;
    private readonly TimeSpan _period;

    /// <param name="delay">Milliseconds before the first typing activity.</param>
    /// <param name="period">Milliseconds between typing activities.</param>
    public ShowTypingMiddleware(int delay = 500, int period = 2000)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(delay);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(period);
        _delay = TimeSpan.FromMilliseconds(delay);
        _period = TimeSpan.FromMilliseconds(period);
    }

    /// <inheritdoc/>
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        if (!ShouldShowTyping(turnContext.Activity))
        {
            await next(cancellationToken);
            return;
        }

        using var typingCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var typingTask = SendTypingAsync(turnContext, typingCts.Token);
        try
        {
            await next(cancellationToken);
        }
        finally
        {
            await typingCts.CancelAsync();

            // Wait for the loop so that no typing activity goes out after the turn has ended.
            await typingTask;
        }
    }

    private static bool ShouldShowTyping(Activity activity) =>
        activity.Type == ActivityTypes.Message
        && activity.From?.Role != RoleTypes.Bot
        && activity.From?.Role != RoleTypes.Skill
        && (activity.From?.Id == null || activity.From.Id != activity.Recipient?.Id);

    private async Task SendTypingAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(_delay, cancellationToken);
            while (!cancellationToken.IsCancellationRequested)
            {
                // Straight to the adapter: typing must not pass the turn's send hooks nor set Responded.
                var typing = new Activity(ActivityTypes.Typing) { RelatesTo = turnContext.Activity.RelatesTo }
                    .ApplyConversationReference(turnContext.Activity.GetConversationReference());
                await turnContext.Adapter.SendActivitiesAsync(turnContext, [typing], cancellationToken);
                await Task.Delay(_period, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
