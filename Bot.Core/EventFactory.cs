using Bot.Core.Schema;

namespace Bot.Core;

/// <summary>Builds the events of the Bot Framework handoff protocol.</summary>
public static class EventFactory
{
    /// <summary>Creates a <c>handoff.initiate</c> event for the current conversation, optionally carrying the transcript.</summary>
    public static Activity CreateHandoffInitiation(ITurnContext turnContext, object? handoffContext, Transcript? transcript = null)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var handoffEvent = CreateHandoffEvent(HandoffEventNames.InitiateHandoff, handoffContext, turnContext.Activity.Conversation);
        handoffEvent.From = turnContext.Activity.From;
        handoffEvent.RelatesTo = turnContext.Activity.GetConversationReference();
        handoffEvent.ReplyToId = turnContext.Activity.Id;
        handoffEvent.ServiceUrl = turnContext.Activity.ServiceUrl;
        handoffEvent.ChannelId = turnContext.Activity.ChannelId;
        if (transcript != null)
        {
            handoffEvent.Attachments!.Add(new Attachment
            {
                Content = transcript,
                ContentType = "application/json",
                Name = "Transcript",
            });
        }

        return handoffEvent;
    }

    /// <summary>Creates a <c>handoff.status</c> event whose value is <c>{ state, message }</c>.</summary>
    public static Activity CreateHandoffStatus(ConversationAccount conversation, string state, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentException.ThrowIfNullOrWhiteSpace(state);
        return CreateHandoffEvent(HandoffEventNames.HandoffStatus, new { state, message }, conversation);
    }

    private static Activity CreateHandoffEvent(string name, object? value, ConversationAccount? conversation)
    {
        var handoffEvent = Activity.CreateEventActivity();
        handoffEvent.Name = name;
        handoffEvent.Value = value;
        handoffEvent.Id = Guid.NewGuid().ToString();
        handoffEvent.Timestamp = DateTimeOffset.UtcNow;
        handoffEvent.Conversation = conversation;
        handoffEvent.Attachments = [];
        handoffEvent.Entities = [];
        return handoffEvent;
    }
}
