using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bot.Core;
using Bot.Core.Schema;
using Bot.Dialogs.Agents;
using Bot.Dialogs.Cards;
using Bot.Dialogs.Escalation;
using Bot.Knowledge.Handoffs;
using Microsoft.Extensions.Logging;

namespace Bot.Dialogs.Handoffs;

/// <summary>
/// The bot's side of a conversation a person holds or is about to: while a handoff is open the customer's messages go
/// to the agent hub (<see cref="IAgentRelay"/>) and the bot stays quiet, but for a short "a person will reply" at most
/// once a minute while nobody has taken it. <c>handoff.status</c> events from the hub tell the customer who joined,
/// that the assistant is back (with the satisfaction card after a resolve), or that nobody was free, in which case the
/// customer's next message is kept on the handoff for the team.
/// </summary>
public sealed partial class HumanMode(
    IHandoffStore handoffs,
    IAgentRelay relay,
    SignalStateAccessor signals,
    ReplyFactory replies,
    CardLibrary cards,
    ILogger<HumanMode> logger)
{
    public const string QueuedText = HandoffService.AlreadyQueuedText;

    public const string BackText = "You're back with the assistant. Ask me anything, or ask for a person again at any time.";

    public const string TimedOutText =
        "Sorry, nobody from our support team is free right now. If you like, write your message here and I'll pass it on " +
        "so someone gets back to you. Or say \"no thanks\" and keep asking me.";

    public const string MessageLeftText = "Thanks, I've passed your message on to our support team; someone will get back to you. " +
        "In the meantime I'm here if you have other questions.";

    public const string NoMessageText = "All right. What else can I help you with?";

    public const int MaxLeftMessageLength = 4000;

    private static readonly TimeSpan QueueNoticeInterval = TimeSpan.FromMinutes(1);

    public static string JoinedText(string? agentName) =>
        $"{(string.IsNullOrWhiteSpace(agentName) ? "A member of our support team" : agentName + " from our support team")} has joined the conversation.";

    /// <summary>Relays the customer's message when a handoff is open (or keeps the message left after a time-out); true when the bot must not answer.</summary>
    public async Task<bool> OnMessageAsync(ITurnContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var state = await signals.GetAsync(context, cancellationToken);
        if (state.MessageForHandoffId is { } timedOut)
        {
            state.MessageForHandoffId = null;
            return await KeepLeftMessageAsync(context, timedOut, cancellationToken);
        }
        var open = await FindOpenAsync(context, cancellationToken);
        if (open is null)
        {
            state.QueueNoticeAt = null;
            return false;
        }
        state.HandoffId = open.Id;
        await relay.CustomerMessageAsync(open.Id, context.Activity, cancellationToken);
        var now = DateTimeOffset.UtcNow;
        if (open.State == HandoffStates.Queued && (state.QueueNoticeAt is not { } noticed || now - noticed >= QueueNoticeInterval))
        {
            state.QueueNoticeAt = now;
            await context.SendActivityAsync(replies.Text(QueuedText), cancellationToken);
        }
        return true;
    }

    /// <summary>Tells the person that the customer is typing, when a handoff is open.</summary>
    public async Task OnTypingAsync(ITurnContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var state = await signals.GetAsync(context, cancellationToken);
        if (state.HandoffId is not null && await FindOpenAsync(context, cancellationToken) is { } open)
        {
            await relay.CustomerTypingAsync(open.Id, cancellationToken);
        }
    }

    /// <summary>The customer ended the conversation: an open handoff is closed as <c>customer_left</c>.</summary>
    public async Task OnEndOfConversationAsync(ITurnContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await FindOpenAsync(context, cancellationToken) is { } open)
        {
            await relay.CustomerLeftAsync(open.Id, cancellationToken);
            var state = await signals.GetAsync(context, cancellationToken);
            state.HandoffId = null;
            state.QueueNoticeAt = null;
        }
    }

    /// <summary>Handles a <c>handoff.status</c> event from the hub; false when it is not one.</summary>
    public async Task<bool> OnStatusAsync(ITurnContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Activity.Name != HandoffEventNames.HandoffStatus || HandoffStatus.From(context.Activity.Value) is not { } status)
        {
            return false;
        }
        var state = await signals.GetAsync(context, cancellationToken);
        switch (status.State)
        {
            case HandoffStatus.Accepted:
                state.HandoffId = status.HandoffId ?? state.HandoffId;
                await context.SendActivityAsync(replies.Text(JoinedText(status.AgentName)), cancellationToken);
                break;
            case HandoffStatus.Completed:
                Reset(state);
                var back = replies.Text(BackText);
                if (status.Outcome == HandoffOutcomes.Resolved && status.HandoffId is { } resolved)
                {
                    back.Attachments = [SatisfactionCard(resolved, status.AgentName)];
                }
                await context.SendActivityAsync(back, cancellationToken);
                break;
            case HandoffStatus.Failed:
                Reset(state);
                state.MessageForHandoffId = status.HandoffId;
                await context.SendActivityAsync(replies.Text(TimedOutText), cancellationToken);
                break;
            default:
                logger.LogInformation("Ignoring handoff.status '{State}' in {ConversationId}", status.State, context.Activity.Conversation?.Id);
                break;
        }
        return true;
    }

    private async Task<bool> KeepLeftMessageAsync(ITurnContext context, long handoffId, CancellationToken cancellationToken)
    {
        var text = (context.Activity.Text ?? "").Trim();
        if (text.Length == 0 || NoThanks().IsMatch(text))
        {
            await context.SendActivityAsync(replies.Text(NoMessageText), cancellationToken);
            return true;
        }
        await handoffs.LeaveMessageAsync(handoffId, text.Length > MaxLeftMessageLength ? text[..MaxLeftMessageLength] : text, cancellationToken);
        await context.SendActivityAsync(replies.Text(MessageLeftText), cancellationToken);
        return true;
    }

    private Attachment SatisfactionCard(long handoffId, string? agentName) => cards.Render("satisfaction", new JsonObject
    {
        ["handoffId"] = handoffId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["agentName"] = string.IsNullOrWhiteSpace(agentName) ? "our support team" : agentName,
    });

    private async Task<HandoffRecord?> FindOpenAsync(ITurnContext context, CancellationToken cancellationToken) =>
        context.Activity.Conversation?.Id is { } conversationId ? await handoffs.FindOpenAsync(conversationId, cancellationToken) : null;

    [GeneratedRegex(@"^(no|nope|nah|no thanks?|no thank you|not now)[\s.!]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoThanks();

    private static void Reset(ConversationSignals state)
    {
        state.HandoffId = null;
        state.QueueNoticeAt = null;
    }
}
