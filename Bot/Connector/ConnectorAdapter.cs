using Bot.Hosting;
using Bot.Core;
using Bot.Core.Schema;
using Bot.Knowledge.Transcripts;
using Npgsql;

namespace Bot.Connector;

/// <summary>
/// The bot side of the Bot Connector protocol (Teams, Azure Bot Service channels, the Emulator): runs a turn for an
/// inbound activity and sends the bot's activities back to the channel's <c>serviceUrl</c>; both are kept in the transcript.
/// </summary>
public sealed class ConnectorAdapter : BotAdapter
{
    private readonly IBot _bot;
    private readonly ConnectorClient _client;
    private readonly ITranscriptStore _transcripts;
    private readonly ConversationLocks _locks;

    public ConnectorAdapter(IBot bot, ConnectorClient client, ITranscriptStore transcripts, ConversationLocks locks, ILogger<ConnectorAdapter> logger)
    {
        _bot = bot;
        _client = client;
        _transcripts = transcripts;
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

    /// <summary>Runs the turn; returns null without running it when the activity was already processed (a replay).</summary>
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
            var invokeResponse = await ProcessActivityAsync(activity, _bot.OnTurnAsync, cancellationToken);
            return new ConnectorTurnResult(false, invokeResponse);
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

/// <summary>What processing an inbound Connector activity gave: skipped as a replay, or the invoke response (for invokes).</summary>
public sealed record ConnectorTurnResult(bool IsDuplicate, InvokeResponse? InvokeResponse)
{
    public static ConnectorTurnResult Duplicate { get; } = new(true, null);
}
