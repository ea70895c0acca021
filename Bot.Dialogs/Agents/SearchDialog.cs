using Bot.Core.Dialogs;
using Bot.Dialogs.Routing;
using Bot.Knowledge.Search;

namespace Bot.Dialogs.Agents;

/// <summary>Search agent: finds the knowledge-base passages for the question, preferring the route's category.</summary>
public sealed class SearchDialog : ComponentDialog
{
    private const int PassageCount = 5;
    private readonly IKnowledgeSearch _search;

    public SearchDialog(IKnowledgeSearch search)
        : base(nameof(SearchDialog))
    {
        _search = search;
        AddDialog(new WaterfallDialog(nameof(WaterfallDialog), [SearchStepAsync]));
        InitialDialogId = nameof(WaterfallDialog);
    }

    private async Task<DialogTurnResult> SearchStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var turn = (SupportTurn)stepContext.Options!;
        if (turn.Route?.Intent is Intents.Question)
        {
            var hits = await _search.SearchAsync(new KnowledgeQuery(turn.Question, PassageCount, turn.Route.Category), cancellationToken);
            turn.Evidence = new Evidence(hits, ConfidenceOf(hits));
        }
        return await stepContext.EndDialogAsync(turn.Evidence, cancellationToken);
    }

    /// <summary>A rank score squashed to 0..1; how far the best passage stands above the rest counts too.</summary>
    private static double ConfidenceOf(IReadOnlyList<KnowledgeHit> hits)
    {
        if (hits.Count == 0)
        {
            return 0;
        }
        var best = hits[0].Score;
        var margin = hits.Count > 1 && best > 0 ? (best - hits[1].Score) / best : 1;
        return Math.Round(Math.Clamp(best / (best + 0.1) * (0.7 + 0.3 * margin), 0, 1), 3);
    }
}
