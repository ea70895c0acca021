using System.Text;
using Bot.Core;
using Bot.Core.Schema;
using Bot.Dialogs.Agents;
using Bot.Dialogs.Handoffs;
using Bot.Knowledge.Handoffs;
using Bot.Knowledge.Transcripts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Dialogs.Escalation;

/// <summary>
/// Hands a conversation to a person: a <c>handoffs</c> record (reasons, route, summary, transcript snapshot), a
/// message to the customer that a person will take over, and a <c>handoff.initiate</c> event carrying the transcript,
/// and the agent hub is told (<see cref="IAgentRelay"/>). A conversation with an open handoff gets no second one.
/// </summary>
public sealed class HandoffService(
    IHandoffStore handoffs,
    ITranscriptStore transcripts,
    ReplyFactory replies,
    IAgentRelay relay,
    IOptions<EscalationOptions> options,
    ILogger<HandoffService> logger)
{
    public const string NoticeText =
        "I'm passing this conversation to a member of our support team. A person will reply here as soon as one is free; " +
        "you can keep writing in the meantime and they will see everything.";

    public const string AlreadyQueuedText =
        "A member of our support team has already been asked to join this conversation and will reply here. " +
        "Anything you add now, they will see.";

    /// <summary>Creates the handoff (unless one is open) and tells the customer; returns the handoff's id.</summary>
    public async Task<long> HandOffAsync(ITurnContext context, SupportTurn turn, ConversationSignals signals, int negativeFeedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(signals);
        var activity = context.Activity;
        var conversationId = activity.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation.");
        var trace = SupportTrace.From(turn, Responses.AnswerSources.None);

        if (await handoffs.FindOpenAsync(conversationId, cancellationToken) is { } open)
        {
            await context.SendActivityAsync(replies.Text(AlreadyQueuedText, trace), cancellationToken);
            return open.Id;
        }

        var (transcript, lastSeq) = await TranscriptAsync(conversationId, signals, turn, activity, cancellationToken);
        var summary = Summarize(turn, signals);
        var route = turn.Route?.Category ?? signals.LastRoute;
        var id = await handoffs.CreateAsync(
            new HandoffRequest(conversationId, activity.From?.Id, activity.ChannelId, route, turn.Decision.Reasons, summary, transcript, lastSeq)
            {
                UserName = string.IsNullOrWhiteSpace(activity.From?.Name) ? null : activity.From.Name,
            },
            cancellationToken);
        logger.LogInformation("Conversation {ConversationId} handed off ({HandoffId}): {Reasons}", conversationId, id, string.Join(", ", turn.Decision.Reasons));

        signals.HandoffId = id;
        signals.HandoffAt = DateTimeOffset.UtcNow;
        signals.LowConfidenceTurns = 0;
        signals.NegativeFeedbackAtHandoff = negativeFeedback;

        await context.SendActivityAsync(replies.Text(Opening(turn.Decision.Reasons) + NoticeText, trace), cancellationToken);
        var initiate = EventFactory.CreateHandoffInitiation(
            context,
            new HandoffContext(id, route, turn.Decision.Reasons, summary, turn.Question),
            new Transcript(transcript));
        await context.SendActivityAsync(initiate, cancellationToken);
        await relay.HandoffQueuedAsync(id, cancellationToken);
        return id;
    }

    private static string Opening(IReadOnlyList<string> reasons)
    {
        if (reasons.Any(r => r is EscalationReasons.Complaint or EscalationReasons.AbusiveLanguage or EscalationReasons.NegativeFeedback
                or EscalationReasons.RepeatedQuestion))
        {
            return "I'm sorry this hasn't gone well. ";
        }
        if (reasons.Any(EscalationSignals.IsHighRisk))
        {
            return "This needs someone who can check your account securely. ";
        }
        return "";
    }

    /// <summary>A few lines for the agent: why, the route, what was asked.</summary>
    public static string Summarize(SupportTurn turn, ConversationSignals signals)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(signals);
        var summary = new StringBuilder();
        summary.Append("Reasons: ").Append(string.Join(", ", turn.Decision.Reasons)).Append(". ");
        if ((turn.Route?.Category ?? signals.LastRoute) is { } route)
        {
            summary.Append("Route: ").Append(route).Append(". ");
        }
        if (turn.Question.Length > 0)
        {
            summary.Append("Customer: \"").Append(Clip(turn.Question, 300)).Append("\". ");
        }
        var earlier = signals.Questions.TakeLast(3).Where(q => q.Text != turn.Question).ToList();
        if (earlier.Count > 0)
        {
            summary.Append("Earlier: ").Append(string.Join("; ", earlier.Select(q => $"\"{Clip(q.Text, 120)}\" ({(q.Answered ? "answered" : "not answered")})"))).Append('.');
        }
        return summary.ToString().Trim();
    }

    private async Task<(List<Activity> Activities, long? LastSeq)> TranscriptAsync(
        string conversationId, ConversationSignals signals, SupportTurn turn, Activity current, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxTranscriptActivities;
        try
        {
            var entries = await transcripts.ReadAsync(conversationId, -1, 10_000, cancellationToken);
            if (entries.Count > 0)
            {
                return (entries.TakeLast(max).Select(e => e.Activity).ToList(), entries[^1].Seq);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not read the transcript of {ConversationId}; the handoff carries the recent questions instead", conversationId);
        }
        // Channels that keep no transcript (tests, some Connector setups): what the customer asked, as messages.
        var messages = signals.Questions.Select(q => Message(q.Text, q.At, current)).ToList();
        if (turn.Question.Length > 0 && current.Type == ActivityTypes.Message && !string.IsNullOrEmpty(current.Text))
        {
            messages.Add(current);
        }
        return (messages.TakeLast(max).ToList(), null);
    }

    private static Activity Message(string text, DateTimeOffset at, Activity current) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Timestamp = at,
        From = current.From,
        Recipient = current.Recipient,
        Conversation = current.Conversation,
        ChannelId = current.ChannelId,
    };

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}
