using Bot.Core;
using Bot.Core.Dialogs;
using Bot.Core.Schema;
using Bot.Dialogs.Agents;
using Bot.Dialogs.Handoffs;
using Bot.Dialogs.Memory;
using Bot.Dialogs.Observability;
using Microsoft.Extensions.Logging;

namespace Bot.Dialogs;

/// <summary>
/// The bot: welcomes people (returning ones with what happened last time), hands every message to the root dialog
/// (or, while a person holds the conversation, to that person through <see cref="HumanMode"/>), records each reply's trace, and saves conversation and user state once, at the end of the turn (with eTag
/// concurrency, so two turns never silently overwrite each other).
/// </summary>
public sealed class CustomerSupportBot(
    ConversationState conversationState,
    UserState userState,
    RootDialog rootDialog,
    SupportStateAccessors state,
    SessionMemory memory,
    TurnRecorder recorder,
    HumanMode humanMode,
    ILogger<CustomerSupportBot> logger) : ActivityHandler
{
    /// <inheritdoc/>
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["ConversationId"] = activity.Conversation?.Id,
            ["ActivityId"] = activity.Id,
        });
        using var span = SupportTelemetry.Source.StartActivity("bot.turn");
        span?.SetTag(SupportTelemetry.ConversationIdTag, activity.Conversation?.Id);
        span?.SetTag("activity.type", activity.Type);
        recorder.Attach(turnContext);
        await base.OnTurnAsync(turnContext, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
        await userState.SaveChangesAsync(turnContext, false, cancellationToken);
    }

    /// <inheritdoc/>
    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        logger.LogDebug("Message from {UserId}: {Text}", turnContext.Activity.From?.Id, turnContext.Activity.Text);
        if (await humanMode.OnMessageAsync(turnContext, cancellationToken))
        {
            return;
        }
        if (await memory.OnMessageAsync(turnContext, cancellationToken))
        {
            return;
        }
        await rootDialog.RunAsync(turnContext, state.DialogState, cancellationToken);
    }

    /// <inheritdoc/>
    protected override Task OnTypingActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        humanMode.OnTypingAsync(turnContext, cancellationToken);

    /// <inheritdoc/>
    protected override Task OnEndOfConversationActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        humanMode.OnEndOfConversationAsync(turnContext, cancellationToken);

    /// <summary>Events from the agent hub (<c>handoff.status</c>); other events are ignored, as the protocol asks.</summary>
    protected override Task OnEventAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        humanMode.OnStatusAsync(turnContext, cancellationToken);

    /// <summary>
    /// Teams' <c>Action.Execute</c>: the card's data goes to the Feedback agent exactly as an <c>Action.Submit</c> would,
    /// and the invoke is answered with the agent's reply as a message, the shape Teams shows to the person who clicked.
    /// </summary>
    protected override async Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(
        ITurnContext turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
    {
        if (CardSubmit.From(invokeValue.Action?.Data) is null)
        {
            return new AdaptiveCardInvokeResponse
            {
                StatusCode = 400,
                Type = "application/vnd.microsoft.error",
                Value = new Error("BadRequest", "This card action is not one of this bot's."),
            };
        }
        turnContext.Activity.Value = invokeValue.Action!.Data;
        string? reply = null;
        turnContext.OnSendActivities((context, activities, next) =>
        {
            reply = activities.LastOrDefault(a => a.Type == ActivityTypes.Message && !string.IsNullOrEmpty(a.Text))?.Text ?? reply;
            return next();
        });
        await rootDialog.RunAsync(turnContext, state.DialogState, cancellationToken);
        return new AdaptiveCardInvokeResponse
        {
            StatusCode = 200,
            Type = "application/vnd.microsoft.activity.message",
            Value = reply ?? "Done.",
        };
    }

    /// <inheritdoc/>
    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var botId = turnContext.Activity.Recipient?.Id;
        if (!membersAdded.Any(member => member.Id != botId))
        {
            return;
        }
        await memory.GreetAsync(turnContext, cancellationToken);
    }
}
