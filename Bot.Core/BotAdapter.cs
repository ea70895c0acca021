using Bot.Core.Schema;

namespace Bot.Core;

/// <summary>Connects a bot to a channel: runs the middleware pipeline for inbound activities and sends replies.</summary>
public abstract class BotAdapter
{
    /// <summary>The <see cref="ITurnContext.TurnState"/> key under which the invokeResponse activity of a turn is kept.</summary>
    public const string InvokeResponseKey = "BotFrameworkAdapter.InvokeResponse";

    /// <summary>Gets or sets the handler for exceptions the pipeline throws; when null they are rethrown.</summary>
    public Func<ITurnContext, Exception, Task>? OnTurnError { get; set; }

    public MiddlewareSet MiddlewareSet { get; } = new();

    /// <summary>Adds middleware to the end of the pipeline.</summary>
    public BotAdapter Use(IMiddleware middleware)
    {
        MiddlewareSet.Use(middleware);
        return this;
    }

    public abstract Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken);

    public abstract Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken);

    public abstract Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken);

    /// <summary>Runs a proactive turn: a <c>ContinueConversation</c> event built from <paramref name="reference"/>.</summary>
    public virtual Task ContinueConversationAsync(string botId, ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var context = new TurnContext(this, reference.GetContinuationActivity());
        return RunPipelineAsync(context, callback, cancellationToken);
    }

    /// <summary>Runs the middleware, then <paramref name="callback"/>; exceptions go to <see cref="OnTurnError"/> when set.</summary>
    protected async Task RunPipelineAsync(ITurnContext turnContext, BotCallbackHandler? callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        try
        {
            await MiddlewareSet.ReceiveActivityWithStatusAsync(turnContext, callback, cancellationToken);
        }
        catch (Exception ex)
        {
            var onTurnError = OnTurnError;
            if (onTurnError == null)
            {
                throw;
            }

            await onTurnError(turnContext, ex);
        }
    }

    /// <summary>Runs a turn for <paramref name="activity"/>; for an invoke, returns its response (501 when the bot gave none).</summary>
    protected async Task<InvokeResponse?> ProcessActivityAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var context = new TurnContext(this, activity);
        await RunPipelineAsync(context, callback, cancellationToken);
        if (activity.Type != ActivityTypes.Invoke)
        {
            return null;
        }

        var invokeResponse = context.TurnState.Get<Activity>(InvokeResponseKey);
        return invokeResponse?.Value switch
        {
            InvokeResponse response => response,
            null => new InvokeResponse { Status = 501 },
            var other => BotJson.ConvertTo<InvokeResponse>(other),
        };
    }
}
