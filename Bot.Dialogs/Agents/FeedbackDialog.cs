using Bot.Core.Dialogs;
using Bot.Dialogs.Escalation;
using Bot.Knowledge.Feedback;

namespace Bot.Dialogs.Agents;

/// <summary>Feedback agent: stores ratings and comments from the answer card against the answer they refer to.</summary>
public sealed class FeedbackDialog : ComponentDialog
{
    private const int MaxCommentLength = 2000;
    private readonly IFeedbackStore _feedback;
    private readonly SupportStateAccessors _state;
    private readonly ReplyFactory _replies;

    public FeedbackDialog(IFeedbackStore feedback, SupportStateAccessors state, ReplyFactory replies, EscalationDialog escalation)
        : base(nameof(FeedbackDialog))
    {
        _feedback = feedback;
        _state = state;
        _replies = replies;
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

        var rating = submit.Rating switch { "up" => 1, "down" => -1, _ => (int?)null };
        var comment = submit.Comment is { } text ? text[..Math.Min(text.Length, MaxCommentLength)] : null;
        if (rating is null && comment is null)
        {
            await context.SendActivityAsync(_replies.Text("Please pick 👍 or 👎, or write a comment, before sending."), cancellationToken);
            return await stepContext.EndDialogAsync(null, cancellationToken);
        }

        await _feedback.RecordAsync(
            new FeedbackEntry(
                context.Activity.Conversation!.Id!,
                answer?.ActivityId,
                context.Activity.From?.Id,
                rating,
                comment,
                answer?.Question,
                answer?.ChunkIds ?? []),
            cancellationToken);

        var thanks = rating switch
        {
            1 => "Thanks for the feedback, glad that helped!",
            -1 => "Thanks for telling me. Sorry that didn't help: you can rephrase the question, or choose \"Talk to a person\".",
            _ => "Thanks, your comment has been passed on to the team.",
        };
        await context.SendActivityAsync(_replies.Text(thanks), cancellationToken);
        return await stepContext.EndDialogAsync(null, cancellationToken);
    }
}
