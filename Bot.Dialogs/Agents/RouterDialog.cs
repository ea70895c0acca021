using Bot.Core.Dialogs;
using Bot.Dialogs.Routing;

namespace Bot.Dialogs.Agents;

/// <summary>Router agent: classifies the question into a route and an intent, with a confidence.</summary>
public sealed class RouterDialog : ComponentDialog
{
    private readonly IRouterModel _model;

    public RouterDialog(IRouterModel model)
        : base(nameof(RouterDialog))
    {
        _model = model;
        AddDialog(new WaterfallDialog(nameof(WaterfallDialog), [ClassifyStepAsync]));
        InitialDialogId = nameof(WaterfallDialog);
    }

    private async Task<DialogTurnResult> ClassifyStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var turn = (SupportTurn)stepContext.Options!;
        turn.Route = await _model.ClassifyAsync(turn.Question, cancellationToken);
        return await stepContext.EndDialogAsync(turn.Route, cancellationToken);
    }
}
