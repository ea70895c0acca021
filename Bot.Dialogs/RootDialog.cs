using Bot.Core.Dialogs;
using Bot.Dialogs.Agents;

namespace Bot.Dialogs;

/// <summary>
/// The root waterfall: one step per agent. Router → Search → Escalation → Response for a question; the Response agent
/// is skipped when the Escalation agent handed the conversation to a person or declined. Card submits (ratings,
/// comments, "talk to a person") go to the Feedback agent instead.
/// </summary>
public sealed class RootDialog : ComponentDialog
{
    private const string TurnKey = "turn";
    private const int MaxQuestionLength = 4000;

    public RootDialog(RouterDialog router, SearchDialog search, EscalationDialog escalation, ResponseDialog response, FeedbackDialog feedback)
        : base(nameof(RootDialog))
    {
        AddDialog(router);
        AddDialog(search);
        AddDialog(escalation);
        AddDialog(response);
        AddDialog(feedback);
        AddDialog(new WaterfallDialog(nameof(WaterfallDialog),
        [
            RouteStepAsync,
            SearchStepAsync,
            EscalateStepAsync,
            RespondStepAsync,
        ]));
        InitialDialogId = nameof(WaterfallDialog);
    }

    private static async Task<DialogTurnResult> RouteStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var activity = stepContext.Context.Activity;
        if (CardSubmit.From(activity.Value) is { } submit)
        {
            return await stepContext.ReplaceDialogAsync(nameof(FeedbackDialog), submit, cancellationToken);
        }

        var question = (activity.Text ?? "").Trim();
        if (question.Length == 0)
        {
            await stepContext.Context.SendActivityAsync(
                "I can only read text messages for now. What would you like to know?", cancellationToken: cancellationToken);
            return await stepContext.EndDialogAsync(null, cancellationToken);
        }
        var turn = new SupportTurn { Question = question.Length > MaxQuestionLength ? question[..MaxQuestionLength] : question };
        stepContext.Values[TurnKey] = turn;
        return await stepContext.BeginDialogAsync(nameof(RouterDialog), turn, cancellationToken);
    }

    private static Task<DialogTurnResult> SearchStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken) =>
        stepContext.BeginDialogAsync(nameof(SearchDialog), stepContext.Values[TurnKey], cancellationToken);

    private static Task<DialogTurnResult> EscalateStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken) =>
        stepContext.BeginDialogAsync(nameof(EscalationDialog), stepContext.Values[TurnKey], cancellationToken);

    private static async Task<DialogTurnResult> RespondStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var turn = (SupportTurn)stepContext.Values[TurnKey]!;
        if (turn.Handled)
        {
            return await stepContext.EndDialogAsync(turn.Decision, cancellationToken);
        }
        return await stepContext.ReplaceDialogAsync(nameof(ResponseDialog), turn, cancellationToken);
    }
}
