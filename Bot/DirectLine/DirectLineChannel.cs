using Bot.Hosting;
using Bot.Core.Schema;
using Bot.Knowledge.Transcripts;

namespace Bot.DirectLine;

/// <summary>
/// The conversation logic of the Direct Line channel, free of HTTP: starting conversations, accepting client
/// activities (stored, echoed, then handed to the bot), and reading them back by watermark.
/// </summary>
public sealed class DirectLineChannel(
    ITranscriptStore transcripts,
    DirectLineAdapter adapter,
    ConversationStreams streams,
    ConversationLocks locks,
    DirectLineTokens tokens,
    ILogger<DirectLineChannel> logger)
{
    public const string ChannelId = "directline";
    private const int PageSize = 500;

    public ChatToken IssueToken(string? userId, string? userName)
    {
        var user = DirectLineIds.IsValidUserId(userId) ? userId! : DirectLineIds.NewUserId();
        var conversationId = DirectLineIds.NewConversationId();
        return new ChatToken(tokens.CreateConversationToken(conversationId, user, userName), conversationId, tokens.LifetimeSeconds, user);
    }

    /// <summary>Starts the caller's conversation (or finds it when its token already started it).</summary>
    public async Task<(ConversationRecord Conversation, bool Created, long ReplayAfter)> StartAsync(
        DirectLineCaller caller, ChannelAccount? requestedUser, string serviceUrl, CancellationToken cancellationToken)
    {
        var conversationId = caller.IsSecret ? DirectLineIds.NewConversationId() : caller.ConversationId!;
        var userId = caller.UserId ?? (string.IsNullOrEmpty(requestedUser?.Id) ? DirectLineIds.NewUserId() : requestedUser.Id);
        var userName = caller.UserName ?? requestedUser?.Name;

        using (await locks.AcquireAsync(conversationId, cancellationToken))
        {
            var created = await transcripts.EnsureConversationAsync(new ConversationRecord(conversationId, ChannelId, userId, serviceUrl), cancellationToken);
            var conversation = (await transcripts.FindConversationAsync(conversationId, cancellationToken))!;
            if (!created)
            {
                return (conversation, false, conversation.LastSeq);
            }

            var update = new Activity
            {
                Type = ActivityTypes.ConversationUpdate,
                ChannelId = ChannelId,
                ServiceUrl = serviceUrl,
                Conversation = new ConversationAccount { Id = conversationId },
                From = new ChannelAccount { Id = userId, Name = userName },
                Recipient = adapter.Bot,
                MembersAdded = [adapter.Bot, new ChannelAccount { Id = userId, Name = userName }],
            };
            await transcripts.AppendAsync(update, assignId: true, cancellationToken);
            await RunTurnAsync(update, cancellationToken);
            return (conversation, true, -1);
        }
    }

    /// <summary>Stores a client's activity, echoes it to the conversation's streams and runs the bot's turn on it.</summary>
    public async Task<PostResult> PostAsync(ConversationRecord conversation, DirectLineCaller caller, Activity activity, string serviceUrl, CancellationToken cancellationToken)
    {
        Normalize(conversation, caller, activity, serviceUrl);
        using (await locks.AcquireAsync(conversation.Id, cancellationToken))
        {
            if (activity.Type == ActivityTypes.Typing)
            {
                // Typing is not stored (polling clients never see it) but goes over the socket and to the bot.
                activity.Id = $"{conversation.Id}|typing-{Guid.NewGuid():N}";
                activity.Timestamp = DateTimeOffset.UtcNow;
                streams.Publish(conversation.Id, null, activity.Clone());
                return new PostResult(activity.Id, !await RunTurnAsync(activity, cancellationToken));
            }

            var entry = await transcripts.AppendAsync(activity, assignId: true, cancellationToken);
            streams.Publish(conversation.Id, entry.Seq, entry.Activity.Clone());
            var failed = !await RunTurnAsync(entry.Activity, cancellationToken);
            return new PostResult(entry.Activity.Id!, failed);
        }
    }

    /// <summary>What a polling client sees after its watermark: every stored activity but conversation updates.</summary>
    public async Task<ActivitySet> ReadAsync(string conversationId, long afterSeq, CancellationToken cancellationToken)
    {
        var entries = await transcripts.ReadAsync(conversationId, afterSeq, PageSize, cancellationToken);
        var visible = entries.Where(e => IsVisibleToClients(e.Activity)).Select(e => e.Activity).ToList();
        var watermark = entries.Count > 0 ? entries[^1].Seq : afterSeq;
        return new ActivitySet(visible, watermark >= 0 ? watermark.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
    }

    public static bool IsVisibleToClients(Activity activity) =>
        activity.Type is not (ActivityTypes.ConversationUpdate or ActivityTypes.Typing);

    private async Task<bool> RunTurnAsync(Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            await adapter.ProcessAsync(activity, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The bot failed on activity {ActivityId}", activity.Id);
            return false;
        }
    }

    private void Normalize(ConversationRecord conversation, DirectLineCaller caller, Activity activity, string serviceUrl)
    {
        activity.Type ??= ActivityTypes.Message;
        var fromId = caller.IsSecret ? activity.From?.Id ?? conversation.UserId : caller.UserId;
        activity.From = new ChannelAccount
        {
            Id = fromId,
            Name = activity.From?.Name ?? caller.UserName,
            AadObjectId = activity.From?.AadObjectId,
            Properties = activity.From?.Properties,
        };
        activity.Conversation = new ConversationAccount { Id = conversation.Id };
        activity.Recipient = adapter.Bot;
        activity.ChannelId = activity.ChannelId == "webchat" ? "webchat" : ChannelId;
        activity.ServiceUrl = serviceUrl;
        activity.Id = null;
        activity.CallerId = null;
    }
}
