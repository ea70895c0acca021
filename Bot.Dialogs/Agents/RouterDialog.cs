using Bot.Core.Dialogs;
using Bot.Dialogs.Escalation;
using Bot.Dialogs.Observability;
using Bot.Dialogs.Routing;

namespace Bot.Dialogs.Agents;

/// <summary>
/// Router agent: classifies the message into a route and an intent, with a confidence. A short follow-up to the
/// previous question ("and on the yearly plan?", "it still fails") is a question on the previous route unless the
/// router is confident it is about something else.
/// </summary>
public sealed class RouterDialog : ComponentDialog
{
    private const double KeepOwnRouteAbove = 0.75;
    private readonly IRouterModel _model;
    private readonly SignalStateAccessor _signals;

    public RouterDialog(IRouterModel model, SignalStateAccessor signals)
        : base(nameof(RouterDialog))
    {
        _model = model;
        _signals = signals;
        AddDialog(new WaterfallDialog(nameof(WaterfallDialog), [ClassifyStepAsync]));
        InitialDialogId = nameof(WaterfallDialog);
    }

    private async Task<DialogTurnResult> ClassifyStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var turn = (SupportTurn)stepContext.Options!;
        using var step = AgentStep.Start(StepTimings.Router, turn, stepContext.Context);
        var route = await _model.ClassifyAsync(turn.Question, cancellationToken);
        if (route.Intent is Intents.Question or Intents.OutOfScope && FollowUpRewriter.IsFollowUp(turn.Question))
        {
            var signals = await _signals.GetAsync(stepContext.Context, cancellationToken);
            if (signals.LastQuestion is { } previous)
            {
                turn.FollowUpOf = previous;
                route = route with { Intent = Intents.Question };
                if (signals.LastRoute is { } lastRoute && route.Confidence < KeepOwnRouteAbove)
                {
                    route = route with { Category = lastRoute };
                }
            }
        }
        turn.Route = route;
        return await stepContext.EndDialogAsync(turn.Route, cancellationToken);
    }
}
