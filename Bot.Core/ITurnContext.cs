using Bot.Core.Schema;

namespace Bot.Core;

/// <summary>Everything about one turn: the inbound activity, the adapter, a per-turn bag and the means to reply.</summary>
public interface ITurnContext
{
    /// <summary>Gets the adapter that created this context.</summary>
    BotAdapter Adapter { get; }

    /// <summary>Gets the per-turn service bag.</summary>
    TurnContextStateCollection TurnState { get; }

    /// <summary>Gets the inbound activity of this turn.</summary>
    Activity Activity { get; }

    /// <summary>Gets a value indicating whether a non-trace activity has been sent this turn.</summary>
    bool Responded { get; }

    /// <summary>Sends a text message to the sender of the inbound activity.</summary>
    /// <param name="textReplyToSend">The text to send.</param>
    /// <param name="speak">Optional SSML to speak.</param>
    /// <param name="inputHint">Whether the bot expects, accepts or ignores input after this message.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>The id the channel gave to the message.</returns>
    Task<ResourceResponse> SendActivityAsync(string textReplyToSend, string? speak = null, string inputHint = InputHints.AcceptingInput, CancellationToken cancellationToken = default);

    /// <summary>Sends an activity to the sender of the inbound activity.</summary>
    /// <param name="activity">The activity; its addressing is filled from the inbound activity.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>The id the channel gave to the activity (empty when a hook swallowed it).</returns>
    Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    /// <summary>Sends activities, in order, to the sender of the inbound activity.</summary>
    /// <param name="activities">The activities; their addressing is filled from the inbound activity.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>The ids the channel gave to the activities.</returns>
    Task<ResourceResponse[]> SendActivitiesAsync(Activity[] activities, CancellationToken cancellationToken = default);

    /// <summary>Replaces an activity sent earlier; <see cref="Activity.Id"/> names the one to replace.</summary>
    /// <param name="activity">The replacement.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    /// <returns>The channel's response.</returns>
    Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    /// <summary>Deletes an activity of this conversation.</summary>
    /// <param name="activityId">The id of the activity to delete.</param>
    /// <param name="cancellationToken">Cancels the delete.</param>
    /// <returns>A task that completes when the activity is deleted.</returns>
    Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken = default);

    /// <summary>Deletes the activity named by <see cref="ConversationReference.ActivityId"/>.</summary>
    /// <param name="conversationReference">The conversation and activity.</param>
    /// <param name="cancellationToken">Cancels the delete.</param>
    /// <returns>A task that completes when the activity is deleted.</returns>
    Task DeleteActivityAsync(ConversationReference conversationReference, CancellationToken cancellationToken = default);

    /// <summary>Adds a hook that runs, in registration order, around every send of this turn.</summary>
    /// <param name="handler">The hook.</param>
    /// <returns>This context.</returns>
    ITurnContext OnSendActivities(SendActivitiesHandler handler);

    /// <summary>Adds a hook that runs, in registration order, around every update of this turn.</summary>
    /// <param name="handler">The hook.</param>
    /// <returns>This context.</returns>
    ITurnContext OnUpdateActivity(UpdateActivityHandler handler);

    /// <summary>Adds a hook that runs, in registration order, around every delete of this turn.</summary>
    /// <param name="handler">The hook.</param>
    /// <returns>This context.</returns>
    ITurnContext OnDeleteActivity(DeleteActivityHandler handler);
}
