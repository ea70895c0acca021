using Bot.Core;
using Bot.Core.Dialogs;
using Bot.Dialogs.Escalation;
using Bot.Dialogs.Observability;
using Bot.Dialogs.Responses;
using Bot.Dialogs.Routing;
using Bot.Knowledge.Feedback;
using Bot.Knowledge.Learning;
using Microsoft.Extensions.Logging;

namespace Bot.Dialogs.Agents;

/// <summary>
/// Feedback agent: stores ratings and comments from the answer card against the answer they refer to; a thumbs-down
/// also counts against the passages the answer came from (demotion for similar questions), and the rating tells the
/// person's summary whether the topic was solved. "Talk to a person" goes to the Escalation agent.
/// </summary>
public sealed class FeedbackDialog : ComponentDialog
{
    public const string SatisfactionThanks = "Thank you for rating the help you got. Is there anything else I can do for you?";

    private const int MaxCommentLength = 2000;
    private readonly IFeedbackStore _feedback;
    private readonly IChunkDemotionStore _demotions;
    private readonly SupportStateAccessors _state;
    private readonly ReplyFactory _replies;
    private readonly ILogger<FeedbackDialog> _logger;
    private readonly SupportBotMetrics _metrics;

    public FeedbackDialog(
        IFeedbackStore feedback,
        IChunkDemotionStore demotions,
        SupportStateAccessors state,
        ReplyFactory replies,
        EscalationDialog escalation,
        ILogger<FeedbackDialog> logger,
        SupportBotMetrics metrics)
        : base(nameof(FeedbackDialog))
    {
        _feedback = feedback;
        _demotions = demotions;
        _state = state;
        _replies = replies;
        _logger = logger;
        _metrics = metrics;
        AddDialog(escalation);
        AddDialog(new WaterfallDialog(nameof(WaterfallDialog), [HandleStepAsync]));
        InitialDialogId = nameof(WaterfallDialog);
    }

    private async Task<DialogTurnResult> HandleStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var submit = (CardSubmit)stepContext.Options!;
        var context = stepContext.Context;
        var conversation = await _state.Conversation.GetAsync(context, () => new SupportConversationData(), cancellationToken);
        var answer = conversation.Find(submit.AnswerKey);

        if (submit.Action == CardSubmit.Handoff)
        {
            var turn = new SupportTurn { Question = answer?.Question ?? "" };
            turn.Decision = new EscalationDecision(true, [EscalationReasons.CardRequest]);
            return await stepContext.BeginDialogAsync(nameof(EscalationDialog), turn, cancellationToken);
        }

        if (submit.Action == CardSubmit.Satisfaction)
        {
            await RecordSatisfactionAsync(context, submit, cancellationToken);
            return await stepContext.EndDialogAsync(null, cancellationToken);
        }

        var rating = submit.Rating switch { "up" => 1, "down" => -1, _ => (int?)null };
        var comment = submit.Comment is { } text ? text[..Math.Min(text.Length, MaxCommentLength)] : null;
        if (rating is null && comment is null)
        {
            await context.SendActivityAsync(_replies.Text("Please pick 👍 or 👎, or write a comment, before sending.", Trace(answer)), cancellationToken);
            return await stepContext.EndDialogAsync(null, cancellationToken);
        }

        var conversationId = context.Activity.Conversation!.Id!;
        var feedbackId = await _feedback.RecordAsync(
            new FeedbackEntry(
                conversationId,
                answer?.ActivityId,
                context.Activity.From?.Id,
                rating,
                comment,
                answer?.Question,
                answer?.ChunkIds ?? []),
            cancellationToken);
        _metrics.RecordFeedback(rating);

        if (rating == -1 && answer is not null)
        {
            await DemoteAsync(answer, conversationId, context.Activity.From?.Id, feedbackId, cancellationToken);
        }
        if (rating is not null && answer is not null)
        {
            var profile = await _state.Profile.GetAsync(context, () => new UserProfile(), cancellationToken);
            if (profile.Find(conversationId, answer.AnswerKey) is { } summary)
            {
                summary.Resolved = rating == 1;
            }
        }

        var thanks = rating switch
        {
            1 => "Thanks for the feedback, glad that helped!",
            -1 => "Thanks for telling me. Sorry that didn't help: you can rephrase the question, or choose \"Talk to a person\".",
            _ => "Thanks, your comment has been passed on to the team.",
        };
        await context.SendActivityAsync(_replies.Text(thanks, Trace(answer)), cancellationToken);
        return await stepContext.EndDialogAsync(null, cancellationToken);
    }

    /// <summary>The satisfaction card a customer gets when a person resolved the conversation: 1 to 5, against the handoff.</summary>
    private async Task RecordSatisfactionAsync(ITurnContext context, CardSubmit submit, CancellationToken cancellationToken)
    {
        if (!int.TryParse(submit.Rating, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var score)
            || score is < 1 or > 5)
        {
            await context.SendActivityAsync(_replies.Text("Please pick a rating from 1 to 5."), cancellationToken);
            return;
        }
        long? handoffId = long.TryParse(submit.HandoffId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
        var comment = submit.Comment is { } text ? text[..Math.Min(text.Length, MaxCommentLength)] : null;
        await _feedback.RecordAsync(
            new FeedbackEntry(context.Activity.Conversation!.Id!, null, context.Activity.From?.Id, null, comment, null, [])
            {
                HandoffId = handoffId,
                Satisfaction = score,
            },
            cancellationToken);
        await context.SendActivityAsync(_replies.Text(SatisfactionThanks), cancellationToken);
    }

    /// <summary>A thumbs-down counts against the passages the answer came from; learned answers have none.</summary>
    private async Task DemoteAsync(AnswerRecord answer, string conversationId, string? userId, long feedbackId, CancellationToken cancellationToken)
    {
        var chunks = answer.AnswerChunkIds.Count > 0 ? answer.AnswerChunkIds : answer.ChunkIds.Take(1).ToList();
        if (chunks.Count == 0 || answer.AnswerSource == AnswerSources.Learned)
        {
            return;
        }
        try
        {
            await _demotions.RecordAsync(new NegativeFeedback(answer.Question, chunks, conversationId, userId, feedbackId), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogError(ex, "Could not record the thumbs-down of conversation {ConversationId} for demotion", conversationId);
        }
    }

    private static SupportTrace Trace(AnswerRecord? answer) =>
        new(answer?.Route, 1, Intents.Feedback, false, [], AnswerSources.None, [], 0) { Question = answer?.Question };
}
