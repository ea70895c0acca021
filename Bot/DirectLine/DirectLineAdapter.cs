using Bot.Core;
using Bot.Core.Schema;
using Bot.Knowledge.Transcripts;
using Microsoft.Extensions.Options;

namespace Bot.DirectLine;

/// <summary>
/// The bot side of the Direct Line channel: runs turns in process and delivers the bot's activities by storing them
/// in the transcript (which gives them their ids and watermark) and pushing them to the open WebSockets.
/// </summary>
public sealed class DirectLineAdapter : BotAdapter
{
    private readonly IBot _bot;
    private readonly ITranscriptStore _transcripts;
    private readonly ConversationStreams _streams;
    private readonly DirectLineOptions _options;

    public DirectLineAdapter(IBot bot, ITranscriptStore transcripts, ConversationStreams streams, IOptions<DirectLineOptions> options, ILogger<DirectLineAdapter> logger)
    {
        _bot = bot;
        _transcripts = transcripts;
        _streams = streams;
        _options = options.Value;
        OnTurnError = async (turnContext, exception) =>
        {
            logger.LogError(exception, "Turn failed in conversation {ConversationId}", turnContext.Activity.Conversation?.Id);
            if (turnContext.Activity.Type == ActivityTypes.Message)
            {
                await turnContext.SendActivityAsync("Sorry, something went wrong on my side. Please try again in a moment.");
            }
        };
    }

    public ChannelAccount Bot => new() { Id = _options.BotId, Name = _options.BotName, Role = RoleTypes.Bot };

    /// <summary>Runs one turn of the bot for an activity that is already stored in the transcript.</summary>
    public Task<InvokeResponse?> ProcessAsync(Activity activity, CancellationToken cancellationToken) =>
        ProcessActivityAsync(activity, _bot.OnTurnAsync, cancellationToken);

    /// <inheritdoc/>
    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var responses = new ResourceResponse[activities.Length];
        for (var i = 0; i < activities.Length; i++)
        {
            var activity = activities[i];
            var conversationId = activity.Conversation?.Id ?? turnContext.Activity.Conversation!.Id!;
            activity.Conversation ??= turnContext.Activity.Conversation;
            // The bot's account always, under the name the sender gave (an agent of the hub speaks as the bot, with their name).
            activity.From = string.IsNullOrWhiteSpace(activity.From?.Name) ? Bot : new ChannelAccount { Id = Bot.Id, Name = activity.From.Name, Role = RoleTypes.Bot };
            activity.ChannelId ??= turnContext.Activity.ChannelId;

            if (activity.Type == ActivityTypes.Typing)
            {
                activity.Id = $"{conversationId}|typing-{Guid.NewGuid():N}";
                activity.Timestamp = DateTimeOffset.UtcNow;
                _streams.Publish(conversationId, null, activity);
                responses[i] = new ResourceResponse { Id = activity.Id };
                continue;
            }
            if (activity.Type is ActivityTypes.Trace or "delay")
            {
                responses[i] = new ResourceResponse { Id = "" };
                continue;
            }

            var entry = await _transcripts.AppendAsync(activity, assignId: true, cancellationToken);
            _streams.Publish(conversationId, entry.Seq, entry.Activity);
            responses[i] = new ResourceResponse { Id = entry.Activity.Id };
        }
        return responses;
    }

    /// <inheritdoc/>
    public override async Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.From = Bot;
        if (!await _transcripts.ReplaceAsync(activity, cancellationToken))
        {
            throw new InvalidOperationException($"Activity '{activity.Id}' is not in this conversation.");
        }
        _streams.Publish(activity.Conversation!.Id!, null, activity);
        return new ResourceResponse { Id = activity.Id };
    }

    /// <inheritdoc/>
    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Direct Line does not support deleting activities.");
}
