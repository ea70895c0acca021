using Bot.Core.Dialogs;
using Bot.Dialogs.Observability;
using Bot.Dialogs.Routing;
using Bot.Knowledge.Embeddings;
using Bot.Knowledge.Learning;
using Bot.Knowledge.Routing;
using Bot.Knowledge.Search;

namespace Bot.Dialogs.Agents;

/// <summary>
/// Search agent: the knowledge base's hybrid search with the route's category as a soft preference, and learned answers
/// (answers agents approved for similar questions; where the search leads counts towards the match), which the
/// Response agent gives before any passage. A short follow-up is searched together with the
/// question before it. Passages rated down for similar questions are demoted.
/// </summary>
public sealed class SearchDialog : ComponentDialog
{
    private const int PassageCount = 5;
    private const double DanglingFollowUpConfidence = 0.1;
    private readonly IKnowledgeSearch _search;
    private readonly ILearnedAnswerStore? _learned;
    private readonly IChunkDemotionStore? _demotions;
    private readonly IKnowledgeVocabulary? _vocabulary;
    private readonly bool _semanticRouter;

    public SearchDialog(
        IKnowledgeSearch search,
        ILearnedAnswerStore? learned = null,
        IChunkDemotionStore? demotions = null,
        IKnowledgeVocabulary? vocabulary = null,
        EmbedderInfo? embedder = null)
        : base(nameof(SearchDialog))
    {
        // The router's nearest-example similarity is on the scale the retrieval confidence was fitted for only with a
        // semantic embedder; the lexical fallback's similarities run lower, so the neutral value stands in for them.
        _semanticRouter = embedder?.IsSemantic ?? false;
        _search = search;
        _learned = learned;
        _demotions = demotions;
        _vocabulary = vocabulary;
        AddDialog(new WaterfallDialog(nameof(WaterfallDialog), [SearchStepAsync]));
        InitialDialogId = nameof(WaterfallDialog);
    }

    private async Task<DialogTurnResult> SearchStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var turn = (SupportTurn)stepContext.Options!;
        using var step = AgentStep.Start(StepTimings.Search, turn, stepContext.Context);
        // Feedback is searched too: "is there a linux client" reads like a suggestion but has an answer.
        if (turn.Route is { Intent: Intents.Question or Intents.OutOfScope or Intents.Feedback } route)
        {
            var query = turn.FollowUpOf is { } previous ? FollowUpRewriter.Rewrite(turn.Question, previous) : turn.Question;
            var hits = await _search.SearchAsync(new KnowledgeQuery(query, PassageCount, route.Category), cancellationToken);
            // A follow-up leans on the previous question, whose own learned answer would be the wrong one.
            var learned = turn.FollowUpOf is null && _learned is not null ? await _learned.FindAsync(turn.Question, hits, cancellationToken) : null;
            if (_demotions is not null)
            {
                hits = await _demotions.DemoteAsync(query, hits, cancellationToken);
            }
            var coverage = _vocabulary is null ? 1 : await _vocabulary.CoverageAsync(query, cancellationToken);
            var confidence = RetrievalConfidence.Of(hits, coverage, _semanticRouter && route.NearestSimilarity > 0 ? route.NearestSimilarity : null);
            if (turn.FollowUpOf is null && FollowUpRewriter.IsBare(turn.Question))
            {
                // "it still fails" with nothing before it: whatever matches its few words is a guess, not an answer.
                confidence = Math.Min(confidence, DanglingFollowUpConfidence);
            }
            turn.Evidence = new Evidence(hits, confidence) { Learned = learned, Query = query, Coverage = coverage };
        }
        return await stepContext.EndDialogAsync(turn.Evidence, cancellationToken);
    }
}
