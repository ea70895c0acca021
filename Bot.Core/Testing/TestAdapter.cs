using System.Globalization;
using Bot.Core.Schema;

namespace Bot.Core.Testing;

/// <summary>
/// An in-memory adapter for tests: inbound activities are addressed from <see cref="Conversation"/>, replies are
/// queued in <see cref="ActiveQueue"/> with sequential ids and timestamps, updates and deletes are recorded.
/// </summary>
public sealed class TestAdapter : BotAdapter
{
    private readonly bool _sendTraceActivity;
    private readonly Lock _lock = new();
    private readonly List<Activity> _updatedActivities = [];
    private readonly List<ConversationReference> _deletedActivities = [];
    private long _nextId;

    public TestAdapter(string channelId = Channels.Test, bool sendTraceActivity = false)
    {
        _sendTraceActivity = sendTraceActivity;
        Conversation = new ConversationReference
        {
            ChannelId = channelId,
            ServiceUrl = "https://test.com",
            User = new ChannelAccount("user1", "User1"),
            Bot = new ChannelAccount("bot", "Bot"),
            Conversation = new ConversationAccount(false, id: "convo1", name: "Conversation1"),
            Locale = Locale,
        };
    }

    public TestAdapter(ConversationReference reference, bool sendTraceActivity = false)
        : this(Channels.Test, sendTraceActivity)
    {
        Conversation = reference ?? throw new ArgumentNullException(nameof(reference));
    }

    /// <summary>Gets or sets the conversation inbound activities come from.</summary>
    public ConversationReference Conversation { get; set; }

    public string Locale { get; set; } = "en-us";

    /// <summary>Gets the replies not yet read with <see cref="GetNextReply"/>.</summary>
    public Queue<Activity> ActiveQueue { get; } = new();

    /// <summary>Gets the activities the bot updated, in order.</summary>
    public IReadOnlyList<Activity> UpdatedActivities
    {
        get
        {
            lock (_lock)
            {
                return [.. _updatedActivities];
            }
        }
    }

    /// <summary>Gets the references of the activities the bot deleted, in order.</summary>
    public IReadOnlyList<ConversationReference> DeletedActivities
    {
        get
        {
            lock (_lock)
            {
                return [.. _deletedActivities];
            }
        }
    }

    public static ConversationReference CreateConversation(string name, string user = "User1", string bot = "Bot") => new()
    {
        ChannelId = Channels.Test,
        ServiceUrl = "https://test.com",
        Conversation = new ConversationAccount(false, id: name, name: name),
        User = new ChannelAccount(user.ToLowerInvariant(), user),
        Bot = new ChannelAccount(bot.ToLowerInvariant(), bot),
        Locale = "en-us",
    };

    public new TestAdapter Use(IMiddleware middleware)
    {
        base.Use(middleware);
        return this;
    }

    /// <summary>Creates a message from the user with the next sequential id.</summary>
    public Activity MakeActivity(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        Locale = Locale ?? "en-us",
        ChannelId = Conversation.ChannelId,
        From = Conversation.User,
        Recipient = Conversation.Bot,
        Conversation = Conversation.Conversation,
        ServiceUrl = Conversation.ServiceUrl,
        Id = NextId(),
        Text = text,
    };

    /// <summary>Runs a turn for <paramref name="activity"/>, addressed as coming from <see cref="Conversation"/>.</summary>
    /// <returns>The invoke response for an invoke activity; otherwise null.</returns>
    public new Task<InvokeResponse?> ProcessActivityAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.Type ??= ActivityTypes.Message;
        activity.ChannelId = Conversation.ChannelId;
        if (activity.From == null || activity.From.Id == "unknown" || activity.From.Role == RoleTypes.Bot)
        {
            activity.From = Conversation.User;
        }

        activity.Recipient = Conversation.Bot;
        activity.Conversation = Conversation.Conversation;
        activity.ServiceUrl = Conversation.ServiceUrl;
        activity.Id = NextId();
        if (activity.Timestamp is null || activity.Timestamp == default(DateTimeOffset))
        {
            activity.Timestamp = DateTimeOffset.UtcNow;
        }

        if (activity.LocalTimestamp is null || activity.LocalTimestamp == default(DateTimeOffset))
        {
            activity.LocalTimestamp = DateTimeOffset.Now;
        }

        return base.ProcessActivityAsync(activity, callback, cancellationToken);
    }

    public Task SendTextToBotAsync(string userSays, BotCallbackHandler callback, CancellationToken cancellationToken = default) =>
        ProcessActivityAsync(MakeActivity(userSays), callback, cancellationToken);

    /// <summary>Takes the oldest unread reply, or null when there is none.</summary>
    public Activity? GetNextReply()
    {
        lock (_lock)
        {
            return ActiveQueue.TryDequeue(out var reply) ? reply : null;
        }
    }

    /// <summary>Waits for the next reply.</summary>
    public async Task<Activity?> GetNextReplyAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (GetNextReply() is { } reply)
            {
                return reply;
            }

            await Task.Delay(10, cancellationToken);
        }
    }

    /// <inheritdoc/>
    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var responses = new ResourceResponse[activities.Length];
        for (var i = 0; i < activities.Length; i++)
        {
            var activity = activities[i];
            if (string.IsNullOrEmpty(activity.Id))
            {
                activity.Id = NextId();
            }

            activity.Timestamp ??= DateTimeOffset.UtcNow;
            if (activity.Type == "delay")
            {
                // The SDK's test convention: a "delay" activity pauses the bot for Value milliseconds.
                await Task.Delay(BotJson.ConvertTo<int>(activity.Value), cancellationToken);
            }
            else if (activity.Type != ActivityTypes.Trace || _sendTraceActivity)
            {
                lock (_lock)
                {
                    ActiveQueue.Enqueue(activity);
                }
            }

            responses[i] = new ResourceResponse(activity.Id);
        }

        return responses;
    }

    /// <summary>Replaces the queued reply with the same id (if still unread) and records the update.</summary>
    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        lock (_lock)
        {
            _updatedActivities.Add(activity);
            var replies = ActiveQueue.ToList();
            var index = replies.FindIndex(r => r.Id == activity.Id);
            if (index >= 0)
            {
                replies[index] = activity;
                ActiveQueue.Clear();
                replies.ForEach(ActiveQueue.Enqueue);
            }
        }

        return Task.FromResult(new ResourceResponse(activity.Id));
    }

    /// <summary>Removes the queued reply with the reference's activity id (if still unread) and records the delete.</summary>
    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        lock (_lock)
        {
            _deletedActivities.Add(reference);
            var remaining = ActiveQueue.Where(r => r.Id != reference.ActivityId).ToList();
            ActiveQueue.Clear();
            remaining.ForEach(ActiveQueue.Enqueue);
        }

        return Task.CompletedTask;
    }

    private string NextId() => (Interlocked.Increment(ref _nextId) - 1).ToString(CultureInfo.InvariantCulture);
}
