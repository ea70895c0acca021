using Bot.Core.Schema;

namespace Bot.Core;

/// <summary>The context of one turn, created by an adapter for each inbound activity.</summary>
public sealed class TurnContext : ITurnContext
{
    private readonly List<SendActivitiesHandler> _onSendActivities = [];
    private readonly List<UpdateActivityHandler> _onUpdateActivity = [];
    private readonly List<DeleteActivityHandler> _onDeleteActivity = [];

    public TurnContext(BotAdapter adapter, Activity activity)
    {
        Adapter = adapter ?? throw new ArgumentNullException(nameof(adapter));
        Activity = activity ?? throw new ArgumentNullException(nameof(activity));
    }

    /// <inheritdoc/>
    public BotAdapter Adapter { get; }

    /// <inheritdoc/>
    public TurnContextStateCollection TurnState { get; } = new();

    /// <inheritdoc/>
    public Activity Activity { get; }

    /// <inheritdoc/>
    public bool Responded { get; private set; }

    /// <inheritdoc/>
    public ITurnContext OnSendActivities(SendActivitiesHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _onSendActivities.Add(handler);
        return this;
    }

    /// <inheritdoc/>
    public ITurnContext OnUpdateActivity(UpdateActivityHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _onUpdateActivity.Add(handler);
        return this;
    }

    /// <inheritdoc/>
    public ITurnContext OnDeleteActivity(DeleteActivityHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _onDeleteActivity.Add(handler);
        return this;
    }

    /// <inheritdoc/>
    public Task<ResourceResponse> SendActivityAsync(string textReplyToSend, string? speak = null, string inputHint = InputHints.AcceptingInput, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(textReplyToSend);
        var activity = new Activity(ActivityTypes.Message) { Text = textReplyToSend };
        if (!string.IsNullOrEmpty(speak))
        {
            activity.Speak = speak;
        }

        if (!string.IsNullOrEmpty(inputHint))
        {
            activity.InputHint = inputHint;
        }

        return SendActivityAsync(activity, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var responses = await SendActivitiesAsync([activity], cancellationToken);
        return responses.Length == 0 ? new ResourceResponse() : responses[0];
    }

    /// <inheritdoc/>
    public Task<ResourceResponse[]> SendActivitiesAsync(Activity[] activities, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activities);
        if (activities.Length == 0)
        {
            throw new ArgumentException("Expecting one or more activities, but the array was empty.", nameof(activities));
        }

        var reference = Activity.GetConversationReference();
        var buffered = new List<Activity>(activities.Length);
        foreach (var activity in activities)
        {
            buffered.Add(ApplyReference(activity, reference));
        }

        return RunSendHooksAsync(0);

        Task<ResourceResponse[]> RunSendHooksAsync(int index) =>
            index == _onSendActivities.Count
                ? SendThroughAdapterAsync(buffered, cancellationToken)
                : _onSendActivities[index](this, buffered, () => RunSendHooksAsync(index + 1));
    }

    /// <inheritdoc/>
    public Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var updated = ApplyReference(activity, Activity.GetConversationReference());
        return RunUpdateHooksAsync(0);

        async Task<ResourceResponse> RunUpdateHooksAsync(int index)
        {
            if (index == _onUpdateActivity.Count)
            {
                return await Adapter.UpdateActivityAsync(this, updated, cancellationToken);
            }

            return await _onUpdateActivity[index](this, updated, async () =>
            {
                var response = await RunUpdateHooksAsync(index + 1);
                updated.Id = response.Id;
                return response;
            });
        }
    }

    /// <inheritdoc/>
    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(activityId);
        var reference = Activity.GetConversationReference();
        reference.ActivityId = activityId;
        return DeleteActivityAsync(reference, cancellationToken);
    }

    /// <inheritdoc/>
    public Task DeleteActivityAsync(ConversationReference conversationReference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversationReference);
        return RunDeleteHooksAsync(0);

        Task RunDeleteHooksAsync(int index) =>
            index == _onDeleteActivity.Count
                ? Adapter.DeleteActivityAsync(this, conversationReference, cancellationToken)
                : _onDeleteActivity[index](this, conversationReference, () => RunDeleteHooksAsync(index + 1));
    }

    private static Activity ApplyReference(Activity activity, ConversationReference reference)
    {
        var replyToId = activity.ReplyToId;
        activity.ApplyConversationReference(reference);
        if (replyToId != null)
        {
            activity.ReplyToId = replyToId;
        }

        return activity;
    }

    private async Task<ResourceResponse[]> SendThroughAdapterAsync(List<Activity> activities, CancellationToken cancellationToken)
    {
        var responses = new ResourceResponse[activities.Count];
        var toSend = new List<Activity>(activities.Count);
        var sentIndexes = new List<int>(activities.Count);
        for (var i = 0; i < activities.Count; i++)
        {
            if (activities[i].Type == ActivityTypes.InvokeResponse)
            {
                // The invoke response travels back in the HTTP response of the inbound request, not to the channel.
                TurnState.Set(BotAdapter.InvokeResponseKey, activities[i]);
                responses[i] = new ResourceResponse(string.Empty);
            }
            else
            {
                toSend.Add(activities[i]);
                sentIndexes.Add(i);
            }
        }

        if (toSend.Count > 0)
        {
            var sent = await Adapter.SendActivitiesAsync(this, [.. toSend], cancellationToken);
            for (var i = 0; i < sentIndexes.Count; i++)
            {
                responses[sentIndexes[i]] = i < sent.Length ? sent[i] : new ResourceResponse();
            }
        }

        var sentNonTrace = false;
        for (var i = 0; i < activities.Count; i++)
        {
            activities[i].Id = responses[i].Id;
            sentNonTrace |= activities[i].Type != ActivityTypes.Trace;
        }

        if (sentNonTrace)
        {
            Responded = true;
        }

        return responses;
    }
}
