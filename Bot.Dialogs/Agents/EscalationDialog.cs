using Bot.Core.Dialogs;
using Bot.Dialogs.Escalation;
using Bot.Dialogs.Routing;

namespace Bot.Dialogs.Agents;

/// <summary>Escalation agent: decides whether a person must take over and, if so, tells the customer.</summary>
public sealed class EscalationDialog : ComponentDialog
{
    private readonly ReplyFactory _replies;

    public EscalationDialog(ReplyFactory replies)
        : base(nameof(EscalationDialog))
    {
        _replies = replies;
        AddDialog(new WaterfallDialog(nameof(WaterfallDialog), [DecideStepAsync]));
        InitialDialogId = nameof(WaterfallDialog);
    }

    private async Task<DialogTurnResult> DecideStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var turn = (SupportTurn)stepContext.Options!;
        var reasons = new List<string>(turn.Decision.Reasons);
        if (turn.Route?.Intent == Intents.AsksForHuman && !reasons.Contains(EscalationReasons.AsksForHuman))
        {
            reasons.Add(EscalationReasons.AsksForHuman);
        }
        turn.Decision = new EscalationDecision(reasons.Count > 0, reasons);

        if (turn.Decision.Escalate)
        {
            var notice = _replies.Text(
                "I'm passing this conversation to a member of our support team. A person will reply here as soon as one is free; " +
                "you can keep writing in the meantime and they will see everything.",
                SupportTrace.From(turn, Responses.AnswerSources.None));
            await stepContext.Context.SendActivityAsync(notice, cancellationToken);
        }
        return await stepContext.EndDialogAsync(turn.Decision, cancellationToken);
    }
}
