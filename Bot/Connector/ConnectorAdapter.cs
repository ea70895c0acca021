using Bot.Hosting;
using Bot.Core;
using Bot.Core.Schema;
using Bot.Knowledge.Transcripts;
using Npgsql;

namespace Bot.Connector;

/// <summary>
/// The bot side of the Bot Connector protocol (Teams, Azure Bot Service channels, the Emulator): runs a turn for an
/// inbound activity and sends the bot's activities back to the channel's <c>serviceUrl</c>; both are kept in the
/// transcript, and the conversation's reference is stored for proactive messages.
/// </summary>
public sealed class ConnectorAdapter : BotAdapter
{
    /// <summary>Name of the event a proactive turn on a conversation the bot just created starts with (as in the SDK).</summary>
    public const string CreateConversationEventName = "CreateConversation";

    private readonly IBot _bot;
    private readonly ConnectorClient _client;
    private readonly ITranscriptStore _transcripts;
    private readonly IConversationReferenceStore _references;
    private readonly ConversationLocks _locks;

    public ConnectorAdapter(
        IBot bot, ConnectorClient client, ITranscriptStore transcripts, IConversationReferenceStore references, ConversationLocks locks,
        ILogger<ConnectorAdapter> logger)
    {
        _bot = bot;
        _client = client;
        _transcripts = transcripts;
        _references = references;
        _locks = locks;
        OnTurnError = async (turnContext, exception) =>
        {
            logger.LogError(exception, "Turn failed in conversation {ConversationId}", turnContext.Activity.Conversation?.Id);
            if (turnContext.Activity.Type == ActivityTypes.Message)
            {
                await turnContext.SendActivityAsync("Sorry, something went wrong on my side. Please try again in a moment.");
            }
        };
    }

    /// <summary>Runs the turn; does not run it when the activity was already processed (a replay with the same id).</summary>
    public async Task<ConnectorTurnResult> ProcessAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversationId = activity.Conversation!.Id!;
        using (await _locks.AcquireAsync(conversationId, cancellationToken))
        {
            await _transcripts.EnsureConversationAsync(
                new ConversationRecord(conversationId, activity.ChannelId ?? "unknown", activity.From?.Id, activity.ServiceUrl), cancellationToken);
            try
            {
                await _transcripts.AppendAsync(activity, assignId: string.IsNullOrEmpty(activity.Id), cancellationToken);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                return ConnectorTurnResult.Duplicate;
            }
            await _references.SaveAsync(activity, cancellationToken);
            var invokeResponse = await ProcessActivityAsync(activity, _bot.OnTurnAsync, cancellationToken);
            return new ConnectorTurnResult(false, invokeResponse);
        }
    }

    /// <summary>
    /// Runs the bot's turn on an event the agent hub sends into a conversation (<c>handoff.status</c>), kept in the
    /// transcript; unlike a channel's activity it does not refresh the stored conversation reference.
    /// </summary>
    public async Task ProcessHubEventAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        using (await _locks.AcquireAsync(activity.Conversation!.Id!, cancellationToken))
        {
            await _transcripts.AppendAsync(activity.Clone(), assignId: true, cancellationToken);
            // The channel never saw this activity, so the bot's replies must not point at it (replyToId).
            activity.Id = null;
            await ProcessActivityAsync(activity, _bot.OnTurnAsync, cancellationToken);
        }
    }

    /// <summary>
    /// A proactive turn in a conversation the bot knows (a stored reference). Replies go to the conversation, or into
    /// the thread of <see cref="ConversationReference.ActivityId"/> when it is set. The callback runs after the middleware;
    /// the bot itself does not run.
    /// </summary>
    public override async Task ContinueConversationAsync(string botId, ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var conversationId = reference.Conversation?.Id ?? throw new ArgumentException("The reference has no conversation id.", nameof(reference));
        await _transcripts.EnsureConversationAsync(
            new ConversationRecord(conversationId, reference.ChannelId ?? "unknown", reference.User?.Id, reference.ServiceUrl), cancellationToken);
        var continuation = reference.GetContinuationActivity();
        continuation.Id = reference.ActivityId;
        continuation.Recipient ??= new ChannelAccount { Id = botId, Role = RoleTypes.Bot };
        await RunPipelineAsync(new TurnContext(this, continuation), callback, cancellationToken);
    }

    /// <summary>
    /// <c>POST {serviceUrl}v3/conversations</c> (a new 1:1 chat, or in Teams a new thread in the channel given in
    /// <c>channelData.channel.id</c>) with the first activity of <paramref name="parameters"/>, recorded in the transcript;
    /// then, when <paramref name="callback"/> is given, a proactive turn in the new conversation.
    /// </summary>
    public async Task<ConversationResourceResponse> CreateConversationAsync(
        string channelId, string serviceUrl, ConversationParameters parameters, BotCallbackHandler? callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var created = await _client.CreateConversationAsync(serviceUrl, parameters, cancellationToken);
        var conversationId = created.Id ?? throw new InvalidOperationException("The channel returned no conversation id.");
        serviceUrl = created.ServiceUrl ?? serviceUrl;
        await _transcripts.EnsureConversationAsync(new ConversationRecord(conversationId, channelId, null, serviceUrl), cancellationToken);

        var conversation = new ConversationAccount { Id = conversationId, IsGroup = parameters.IsGroup, TenantId = parameters.TenantId };
        if (parameters.Activity is { } first)
        {
            var record = first.Clone();
            record.Id = string.IsNullOrEmpty(created.ActivityId) ? null : created.ActivityId;
            record.Conversation = conversation;
            record.ChannelId = channelId;
            record.ServiceUrl = serviceUrl;
            record.From ??= parameters.Bot;
            await _transcripts.AppendAsync(record, assignId: record.Id is null, cancellationToken);
        }
        if (callback is not null)
        {
            var reference = new ConversationReference
            {
                ChannelId = channelId,
                ServiceUrl = serviceUrl,
                Conversation = conversation,
                Bot = parameters.Bot,
                ActivityId = created.ActivityId,
            };
            var continuation = reference.GetContinuationActivity();
            continuation.Name = CreateConversationEventName;
            continuation.Id = created.ActivityId;
            await RunPipelineAsync(new TurnContext(this, continuation), callback, cancellationToken);
        }
        return created;
    }

    /// <inheritdoc/>
    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var responses = new ResourceResponse[activities.Length];
        for (var i = 0; i < activities.Length; i++)
        {
            var activity = activities[i];
            if (activity.Type is ActivityTypes.Trace && activity.ChannelId != Core.Schema.Channels.Emulator)
            {
                responses[i] = new ResourceResponse { Id = "" };
                continue;
            }
            var response = await _client.SendAsync(activity, cancellationToken);
            responses[i] = response;
            if (activity.Type != ActivityTypes.Typing)
            {
                activity.Id = string.IsNullOrEmpty(response.Id) ? null : response.Id;
                await _transcripts.AppendAsync(activity, assignId: activity.Id is null, cancellationToken);
            }
        }
        return responses;
    }

    /// <inheritdoc/>
    public override async Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        var response = await _client.UpdateAsync(activity, cancellationToken);
        await _transcripts.ReplaceAsync(activity, cancellationToken);
        return response;
    }

    /// <inheritdoc/>
    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        _client.DeleteAsync(reference, cancellationToken);
}
