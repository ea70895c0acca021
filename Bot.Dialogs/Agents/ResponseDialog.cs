using Bot.Core;
using Bot.Core.Dialogs;
using Bot.Dialogs.Memory;
using Bot.Dialogs.Observability;
using Bot.Dialogs.Responses;
using Bot.Dialogs.Routing;

namespace Bot.Dialogs.Agents;

/// <summary>
/// Response agent: answers greetings and thanks directly, and questions from the evidence: a learned answer (a human
/// correction) first, else a grounded answer (generated when a language model is configured, extractive otherwise),
/// sent as the answer card (sources, thumbs up/down, comment, "talk to a person") or as text where cards don't work.
/// It remembers the answer for feedback, the topic for follow-ups, and a summary for the person's next visit.
/// </summary>
public sealed class ResponseDialog : ComponentDialog
{
    public const string LearnedNote = "Answer from our support team.";

    private readonly IAnswerComposer _composer;
    private readonly AnswerPresenter _presenter;
    private readonly ReplyFactory _replies;
    private readonly SupportStateAccessors _state;

    public ResponseDialog(IAnswerComposer composer, AnswerPresenter presenter, ReplyFactory replies, SupportStateAccessors state)
        : base(nameof(ResponseDialog))
    {
        _composer = composer;
        _presenter = presenter;
        _replies = replies;
        _state = state;
        AddDialog(new WaterfallDialog(nameof(WaterfallDialog), [RespondStepAsync]));
        InitialDialogId = nameof(WaterfallDialog);
    }

    private async Task<DialogTurnResult> RespondStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var turn = (SupportTurn)stepContext.Options!;
        var context = stepContext.Context;
        using var step = AgentStep.Start(StepTimings.Response, turn, context);
        var profile = await _state.Profile.GetAsync(context, () => new UserProfile(), cancellationToken);
        switch (turn.Route?.Intent)
        {
            case Intents.Greeting:
                await context.SendActivityAsync(
                    _replies.Text($"Hello{Comma(profile.Name)}! What can I help you with today?", SupportTrace.From(turn, AnswerSources.None)),
                    cancellationToken);
                break;
            case Intents.Thanks:
                await context.SendActivityAsync(
                    _replies.Text($"You're welcome{Comma(profile.Name)}! Anything else I can help with?", SupportTrace.From(turn, AnswerSources.None)),
                    cancellationToken);
                break;
            default:
                await AnswerAsync(context, turn, profile, cancellationToken);
                break;
        }
        return await stepContext.EndDialogAsync(null, cancellationToken);
    }

    private async Task AnswerAsync(ITurnContext context, SupportTurn turn, UserProfile profile, CancellationToken cancellationToken)
    {
        var conversation = await _state.Conversation.GetAsync(context, () => new SupportConversationData(), cancellationToken);
        ComposedAnswer answer;
        string? note = null;
        var learned = turn.Evidence.Learned;
        if (learned is not null)
        {
            answer = new ComposedAnswer(learned.Answer, AnswerSources.Learned, []);
            note = LearnedNote;
        }
        else if (_composer.IsGenerative && turn.Evidence.Hits.Count > 0)
        {
            answer = await TypingIndicator.WhileAsync(context, ct => _composer.ComposeAsync(turn.Question, turn.Evidence, ct), cancellationToken);
        }
        else
        {
            answer = await _composer.ComposeAsync(turn.Question, turn.Evidence, cancellationToken);
        }

        var trace = SupportTrace.From(turn, answer.AnswerSource);
        if (answer.AnswerSource == AnswerSources.None)
        {
            await context.SendActivityAsync(_replies.Text(answer.Text, trace), cancellationToken);
            return;
        }

        var answerKey = Guid.NewGuid().ToString("N");
        var text = conversation.RecentAnswers.Count == 0 && profile.Name is { } name ? $"{name}, here's what I found:\n\n{answer.Text}" : answer.Text;
        var reply = _presenter.Present(context.Activity.ChannelId, text, answer, answerKey, note);
        var response = await context.SendActivityAsync(_replies.WithTrace(reply, trace), cancellationToken);

        var now = DateTimeOffset.UtcNow;
        var title = learned is not null ? "an answer from our support team" : answer.Title;
        conversation.Remember(new AnswerRecord
        {
            AnswerKey = answerKey,
            ActivityId = response?.Id,
            Question = turn.Question,
            Route = turn.Route?.Category,
            ChunkIds = turn.Evidence.Hits.Select(h => h.ChunkId).ToList(),
            AnswerChunkIds = [.. answer.ChunkIds],
            AnswerSource = answer.AnswerSource,
            Title = title,
            LearnedAnswerId = learned?.Id,
        });
        conversation.LastTopic = new ConversationTopic(
            turn.Question, title, answer.Sources.Count > 0 ? answer.Sources[0].Url : null, turn.Route?.Category, answer.AnswerSource, answerKey, now);
        profile.Questions++;
        profile.Remember(new ConversationSummary
        {
            ConversationId = context.Activity.Conversation?.Id ?? "",
            Question = SummaryText.Clip(turn.Question),
            AnswerTitle = title,
            AnswerKey = answerKey,
            AnswerSource = answer.AnswerSource,
            At = now,
        });
    }

    private static string Comma(string? name) => name is null ? "" : ", " + name;
}
