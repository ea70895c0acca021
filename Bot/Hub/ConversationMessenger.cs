using Bot.Connector;
using Bot.Core;
using Bot.Core.Schema;
using Bot.DirectLine;
using Bot.Hosting;
using Bot.Knowledge.Handoffs;
using Bot.Knowledge.Transcripts;

namespace Bot.Hub;

/// <summary>
/// Reaches a customer's conversation from the hub on whatever channel it is on: Direct Line (Web Chat and any Direct
/// Line client) in process, Connector channels (Teams, Azure Bot Service) through the stored conversation reference.
/// An agent's message goes out as the bot's, under the agent's name (<c>channelData.agent.name</c>); a
/// <c>handoff.status</c> event goes in as an inbound turn, so the bot (not the host) decides what the customer is told.
/// </summary>
public sealed class ConversationMessenger(
    ITranscriptStore transcripts,
    DirectLineAdapter directLine,
    ConversationStreams streams,
    ConnectorAdapter connector,
    IConversationReferenceStore references,
    ConversationLocks locks,
    ILogger<ConversationMessenger> logger)
{
    private static readonly ChannelAccount Hub = new() { Id = "agent-hub", Name = "Agent hub" };

    /// <summary>The conversation's last sequence number, to read what a later step added.</summary>
    public async Task<long> LastSeqAsync(string conversationId, CancellationToken cancellationToken) =>
        (await transcripts.FindConversationAsync(conversationId, cancellationToken))?.LastSeq ?? -1;

    /// <summary>Sends <c>handoff.status</c> into the conversation and runs the bot's turn on it.</summary>
    public async Task SendStatusAsync(HandoffRecord handoff, HandoffStatusEvent status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        ArgumentNullException.ThrowIfNull(status);
        var activity = EventFactory.CreateHandoffStatus(new ConversationAccount { Id = handoff.ConversationId }, status.State, status.Message);
        activity.Value = status;
        activity.Id = null;
        activity.From = Hub;
        activity.ChannelId = handoff.ChannelId;
        if (IsDirectLine(handoff.ChannelId))
        {
            var conversation = await transcripts.FindConversationAsync(handoff.ConversationId, cancellationToken);
            activity.Recipient = directLine.Bot;
            activity.ServiceUrl = conversation?.ServiceUrl;
            using (await locks.AcquireAsync(handoff.ConversationId, cancellationToken))
            {
                var entry = await transcripts.AppendAsync(activity, assignId: true, cancellationToken);
                streams.Publish(handoff.ConversationId, entry.Seq, entry.Activity.Clone());
                await directLine.ProcessAsync(entry.Activity, cancellationToken);
            }
            return;
        }
        if (await references.FindAsync(handoff.ConversationId, cancellationToken) is not { } stored)
        {
            logger.LogWarning("No conversation reference for {ConversationId}: handoff.status {State} not delivered", handoff.ConversationId, status.State);
            return;
        }
        activity.ApplyConversationReference(stored.Reference, isIncoming: true);
        activity.From = Hub;
        activity.Id = null;
        await connector.ProcessHubEventAsync(activity, cancellationToken);
    }

    /// <summary>Sends the agent's message to the customer; returns its activity id.</summary>
    public async Task<string> SendMessageAsync(HandoffRecord handoff, string agentName, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        var message = MessageFactory.Text(text);
        message.ChannelData = new Dictionary<string, object> { ["agent"] = new Dictionary<string, string> { ["name"] = agentName } };
        string id = "";
        await ContinueAsync(handoff, agentName, async (context, ct) => id = (await context.SendActivityAsync(message, ct)).Id ?? "", cancellationToken);
        return id;
    }

    /// <summary>Shows the customer that the agent is typing.</summary>
    public async Task SendTypingAsync(HandoffRecord handoff, string agentName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        if (IsDirectLine(handoff.ChannelId))
        {
            var typing = new Activity
            {
                Type = ActivityTypes.Typing,
                Id = $"{handoff.ConversationId}|typing-{Guid.NewGuid():N}",
                Timestamp = DateTimeOffset.UtcNow,
                ChannelId = handoff.ChannelId,
                Conversation = new ConversationAccount { Id = handoff.ConversationId },
                From = new ChannelAccount { Id = directLine.Bot.Id, Name = agentName, Role = RoleTypes.Bot },
            };
            streams.Publish(handoff.ConversationId, null, typing);
            return;
        }
        await ContinueAsync(handoff, agentName, (context, ct) => context.SendActivityAsync(new Activity { Type = ActivityTypes.Typing }, ct), cancellationToken);
    }

    private async Task ContinueAsync(HandoffRecord handoff, string agentName, BotCallbackHandler send, CancellationToken cancellationToken)
    {
        BotCallbackHandler callback = (context, ct) =>
        {
            context.OnSendActivities((_, activities, next) =>
            {
                foreach (var activity in activities)
                {
                    activity.From = new ChannelAccount { Id = activity.From?.Id, Name = agentName, Role = RoleTypes.Bot };
                }
                return next();
            });
            return send(context, ct);
        };
        if (IsDirectLine(handoff.ChannelId))
        {
            var conversation = await transcripts.FindConversationAsync(handoff.ConversationId, cancellationToken)
                ?? throw HandoffDeskException.Conflict("ConversationGone", "The customer's conversation no longer exists.");
            var reference = new ConversationReference
            {
                ChannelId = handoff.ChannelId,
                ServiceUrl = conversation.ServiceUrl,
                Conversation = new ConversationAccount { Id = handoff.ConversationId },
                Bot = directLine.Bot,
                User = new ChannelAccount { Id = handoff.UserId, Role = RoleTypes.User },
            };
            using (await locks.AcquireAsync(handoff.ConversationId, cancellationToken))
            {
                await directLine.ContinueConversationAsync(directLine.Bot.Id!, reference, callback, cancellationToken);
            }
            return;
        }
        var stored = await references.FindAsync(handoff.ConversationId, cancellationToken)
            ?? throw HandoffDeskException.Conflict("ConversationGone", "There is no way back to the customer's conversation (no conversation reference).");
        using (await locks.AcquireAsync(handoff.ConversationId, cancellationToken))
        {
            await connector.ContinueConversationAsync(stored.Reference.Bot?.Id ?? "", stored.Reference, callback, cancellationToken);
        }
    }

    private static bool IsDirectLine(string? channelId) => channelId is DirectLineChannel.ChannelId or "webchat";
}
