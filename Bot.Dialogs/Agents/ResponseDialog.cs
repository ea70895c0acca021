using System.Text.Json.Nodes;
using Bot.Core;
using Bot.Core.Dialogs;
using Bot.Core.Schema;
using Bot.Dialogs.Cards;
using Bot.Dialogs.Responses;
using Bot.Dialogs.Routing;

namespace Bot.Dialogs.Agents;

/// <summary>
/// Response agent: answers greetings and thanks directly, and questions with a grounded answer from the evidence,
/// sent as text plus the answer card (sources, thumbs up/down, comment, "talk to a person").
/// </summary>
public sealed class ResponseDialog : ComponentDialog
{
    private readonly IAnswerComposer _composer;
    private readonly CardLibrary _cards;
    private readonly ReplyFactory _replies;
    private readonly SupportStateAccessors _state;

    public ResponseDialog(IAnswerComposer composer, CardLibrary cards, ReplyFactory replies, SupportStateAccessors state)
        : base(nameof(ResponseDialog))
    {
        _composer = composer;
        _cards = cards;
        _replies = replies;
        _state = state;
        AddDialog(new WaterfallDialog(nameof(WaterfallDialog), [RespondStepAsync]));
        InitialDialogId = nameof(WaterfallDialog);
    }

    private async Task<DialogTurnResult> RespondStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var turn = (SupportTurn)stepContext.Options!;
        var context = stepContext.Context;
        switch (turn.Route?.Intent)
        {
            case Intents.Greeting:
                await context.SendActivityAsync(_replies.Text("Hello! What can I help you with today?", SupportTrace.From(turn, AnswerSources.None)), cancellationToken);
                break;
            case Intents.Thanks:
                await context.SendActivityAsync(_replies.Text("You're welcome! Anything else I can help with?", SupportTrace.From(turn, AnswerSources.None)), cancellationToken);
                break;
            default:
                await AnswerAsync(context, turn, cancellationToken);
                break;
        }
        return await stepContext.EndDialogAsync(null, cancellationToken);
    }

    private async Task AnswerAsync(ITurnContext context, SupportTurn turn, CancellationToken cancellationToken)
    {
        var answer = await _composer.ComposeAsync(turn.Question, turn.Evidence, cancellationToken);
        var trace = SupportTrace.From(turn, answer.AnswerSource);
        if (answer.AnswerSource == AnswerSources.None)
        {
            await context.SendActivityAsync(_replies.Text(answer.Text, trace), cancellationToken);
            return;
        }

        var record = new AnswerRecord
        {
            AnswerKey = Guid.NewGuid().ToString("N"),
            Question = turn.Question,
            Route = turn.Route?.Category,
            ChunkIds = turn.Evidence.Hits.Select(h => h.ChunkId).ToList(),
        };
        var reply = MessageFactory.Attachment(_cards.Render("answer", CardData(answer, record.AnswerKey)), answer.Text);
        var response = await context.SendActivityAsync(_replies.WithTrace(reply, trace), cancellationToken);
        record.ActivityId = response?.Id;
        var conversation = await _state.Conversation.GetAsync(context, () => new SupportConversationData(), cancellationToken);
        conversation.Remember(record);
    }

    private static JsonObject CardData(ComposedAnswer answer, string answerKey) => new()
    {
        ["answer"] = answer.Text,
        ["answerKey"] = answerKey,
        ["hasSources"] = answer.Sources.Count > 0,
        ["sources"] = new JsonArray(answer.Sources
            .Select(s => (JsonNode)new JsonObject { ["title"] = s.Title, ["url"] = s.Url ?? "" })
            .ToArray()),
    };
}
