using System.Net;
using System.Text.Json;
using Bot.Core.Schema;

namespace Bot.Core;

/// <summary>
/// A bot that dispatches each activity, by its exact type, to an overridable handler.
/// Every handler does nothing by default.
/// </summary>
public class ActivityHandler : IBot
{
    /// <inheritdoc/>
    public virtual async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.Activity.Type == null)
        {
            throw new ArgumentException($"{nameof(turnContext)}.Activity must have non-null Type.", nameof(turnContext));
        }

        switch (turnContext.Activity.Type)
        {
            case ActivityTypes.Message:
                await OnMessageActivityAsync(turnContext, cancellationToken);
                break;
            case ActivityTypes.MessageUpdate:
                await OnMessageUpdateActivityAsync(turnContext, cancellationToken);
                break;
            case ActivityTypes.MessageDelete:
                await OnMessageDeleteActivityAsync(turnContext, cancellationToken);
                break;
            case ActivityTypes.ConversationUpdate:
                await OnConversationUpdateActivityAsync(turnContext, cancellationToken);
                break;
            case ActivityTypes.MessageReaction:
                await OnMessageReactionActivityAsync(turnContext, cancellationToken);
                break;
            case ActivityTypes.Event:
                await OnEventActivityAsync(turnContext, cancellationToken);
                break;
            case ActivityTypes.Invoke:
                var invokeResponse = await OnInvokeActivityAsync(turnContext, cancellationToken);

                // A handler may already have sent its own invokeResponse; never send a second one.
                if (invokeResponse != null && turnContext.TurnState.Get<Activity>(BotAdapter.InvokeResponseKey) == null)
                {
                    await turnContext.SendActivityAsync(new Activity(ActivityTypes.InvokeResponse) { Value = invokeResponse }, cancellationToken);
                }

                break;
            case ActivityTypes.EndOfConversation:
                await OnEndOfConversationActivityAsync(turnContext, cancellationToken);
                break;
            case ActivityTypes.Typing:
                await OnTypingActivityAsync(turnContext, cancellationToken);
                break;
            case ActivityTypes.InstallationUpdate:
                await OnInstallationUpdateActivityAsync(turnContext, cancellationToken);
                break;
            case ActivityTypes.Command:
                await OnCommandActivityAsync(turnContext, cancellationToken);
                break;
            case ActivityTypes.CommandResult:
                await OnCommandResultActivityAsync(turnContext, cancellationToken);
                break;
            default:
                await OnUnrecognizedActivityTypeAsync(turnContext, cancellationToken);
                break;
        }
    }

    protected static InvokeResponse CreateInvokeResponse(object? body = null) => new() { Status = (int)HttpStatusCode.OK, Body = body };

    protected virtual Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnMessageUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnMessageDeleteActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Calls <see cref="OnMembersAddedAsync"/> or <see cref="OnMembersRemovedAsync"/> when a member other than the bot is listed.</summary>
    protected virtual Task OnConversationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var botId = activity.Recipient?.Id;
        if (activity.MembersAdded != null)
        {
            if (activity.MembersAdded.Exists(m => m.Id != botId))
            {
                return OnMembersAddedAsync(activity.MembersAdded, turnContext, cancellationToken);
            }
        }
        else if (activity.MembersRemoved != null && activity.MembersRemoved.Exists(m => m.Id != botId))
        {
            return OnMembersRemovedAsync(activity.MembersRemoved, turnContext, cancellationToken);
        }

        return Task.CompletedTask;
    }

    protected virtual Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnMembersRemovedAsync(IList<ChannelAccount> membersRemoved, ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual async Task OnMessageReactionActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.Activity.ReactionsAdded != null)
        {
            await OnReactionsAddedAsync(turnContext.Activity.ReactionsAdded, turnContext, cancellationToken);
        }

        if (turnContext.Activity.ReactionsRemoved != null)
        {
            await OnReactionsRemovedAsync(turnContext.Activity.ReactionsRemoved, turnContext, cancellationToken);
        }
    }

    protected virtual Task OnReactionsAddedAsync(IList<MessageReaction> messageReactions, ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnReactionsRemovedAsync(IList<MessageReaction> messageReactions, ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnEventActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.Activity.Name == "tokens/response"
            ? OnTokenResponseEventAsync(turnContext, cancellationToken)
            : OnEventAsync(turnContext, cancellationToken);
    }

    protected virtual Task OnTokenResponseEventAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnEventAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Dispatches <c>adaptiveCard/action</c>; any other invoke name answers 501.</summary>
    protected virtual async Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        try
        {
            switch (turnContext.Activity.Name)
            {
                case "adaptiveCard/action":
                    var invokeValue = GetAdaptiveCardInvokeValue(turnContext.Activity);
                    return CreateInvokeResponse(await OnAdaptiveCardInvokeAsync(turnContext, invokeValue, cancellationToken));
                default:
                    throw new InvokeResponseException(HttpStatusCode.NotImplemented);
            }
        }
        catch (InvokeResponseException e)
        {
            return e.CreateInvokeResponse();
        }
    }

    protected virtual Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken) =>
        throw new InvokeResponseException(HttpStatusCode.NotImplemented);

    protected virtual Task OnEndOfConversationActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnTypingActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnInstallationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.Activity.Action switch
        {
            "add" or "add-upgrade" => OnInstallationUpdateAddAsync(turnContext, cancellationToken),
            "remove" or "remove-upgrade" => OnInstallationUpdateRemoveAsync(turnContext, cancellationToken),
            _ => Task.CompletedTask,
        };
    }

    protected virtual Task OnInstallationUpdateAddAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnInstallationUpdateRemoveAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnCommandActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnCommandResultActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnUnrecognizedActivityTypeAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    private static AdaptiveCardInvokeValue GetAdaptiveCardInvokeValue(Activity activity)
    {
        if (activity.Value == null)
        {
            throw BadRequest("BadRequest", "Missing value property");
        }

        AdaptiveCardInvokeValue? invokeValue;
        try
        {
            invokeValue = activity.GetValue<AdaptiveCardInvokeValue>();
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw BadRequest("BadRequest", "Value property is not properly formed");
        }

        if (invokeValue?.Action == null)
        {
            throw BadRequest("BadRequest", "Missing action property");
        }

        if (invokeValue.Action.Type != "Action.Execute")
        {
            throw BadRequest("NotSupported", $"The action '{invokeValue.Action.Type}'is not supported.");
        }

        return invokeValue;
    }

    private static InvokeResponseException BadRequest(string code, string message) =>
        new(HttpStatusCode.BadRequest, new AdaptiveCardInvokeResponse
        {
            StatusCode = (int)HttpStatusCode.BadRequest,
            Type = "application/vnd.microsoft.error",
            Value = new Error(code, message),
        });
}
