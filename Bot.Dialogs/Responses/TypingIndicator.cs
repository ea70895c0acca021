using Bot.Core;
using Bot.Core.Schema;

namespace Bot.Dialogs.Responses;

/// <summary>Shows "typing…" while slow work runs: one typing activity at once, then one every few seconds until it is done.</summary>
public static class TypingIndicator
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(3);

    public static async Task<T> WhileAsync<T>(ITurnContext context, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(work);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await SendTypingAsync(context, cancellationToken);
        var loop = RepeatAsync(context, stop.Token);
        try
        {
            return await work(cancellationToken);
        }
        finally
        {
            await stop.CancelAsync();
            await loop;
        }
    }

    private static async Task RepeatAsync(ITurnContext context, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Period, cancellationToken);
                await SendTypingAsync(context, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Straight to the adapter: typing is not a reply (no send hooks, no turn record, <c>Responded</c> stays false).</summary>
    private static async Task SendTypingAsync(ITurnContext context, CancellationToken cancellationToken)
    {
        var typing = new Activity(ActivityTypes.Typing) { RelatesTo = context.Activity.RelatesTo }
            .ApplyConversationReference(context.Activity.GetConversationReference());
        await context.Adapter.SendActivitiesAsync(context, [typing], cancellationToken);
    }
}
