using Bot.Core;
using Bot.Core.Dialogs;
using Bot.Core.Schema;
using Bot.Dialogs.Escalation;
using Bot.Dialogs.Observability;
using Bot.Dialogs.Responses;
using Bot.Dialogs.Routing;
using Microsoft.Extensions.Options;

namespace Bot.Dialogs.Agents;

/// <summary>
/// Escalation agent: checks every escalation signal (<see cref="EscalationPolicy"/>) and, when one fires, hands the
/// conversation to a person (<see cref="HandoffService"/>). When none fires but the bot should not answer (out of
/// scope, or nothing it is confident about) it declines politely with options. Otherwise the Response agent answers.
/// </summary>
public sealed class EscalationDialog : ComponentDialog
{
    public const string TalkToAPerson = "Talk to a person";

    public const string OutOfScopeText =
        "Sorry, I can't help with that here. I can answer questions about your account, billing and our product, " +
        "or put you in touch with a person.";

    public const string LowConfidenceText =
        "I'm not sure I have a good answer to that. Could you put it another way, with a bit more detail? " +
        "Or I can put you in touch with a person.";

    private readonly EscalationPolicy _policy;
    private readonly HandoffService _handoff;
    private readonly SignalStateAccessor _signals;
    private readonly ReplyFactory _replies;
    private readonly IOptions<EscalationOptions> _options;

    public EscalationDialog(EscalationPolicy policy, HandoffService handoff, SignalStateAccessor signals, ReplyFactory replies, IOptions<EscalationOptions> options)
        : base(nameof(EscalationDialog))
    {
        _policy = policy;
        _handoff = handoff;
        _signals = signals;
        _replies = replies;
        _options = options;
        AddDialog(new WaterfallDialog(nameof(WaterfallDialog), [DecideStepAsync]));
        InitialDialogId = nameof(WaterfallDialog);
    }

    private async Task<DialogTurnResult> DecideStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        var turn = (SupportTurn)stepContext.Options!;
        var context = stepContext.Context;
        using var step = AgentStep.Start(StepTimings.Escalation, turn, context);
        var signals = await _signals.GetAsync(context, cancellationToken);
        var conversationId = context.Activity.Conversation?.Id;
        turn.Decision = await _policy.DecideAsync(turn, signals, conversationId, cancellationToken);

        if (turn.Decision.Escalate)
        {
            var negatives = conversationId is null ? 0 : await _policy.CountNegativeFeedbackAsync(conversationId, cancellationToken);
            await _handoff.HandOffAsync(context, turn, signals, negatives, cancellationToken);
        }
        else if (turn.Decision.Decline is { } decline)
        {
            await context.SendActivityAsync(Decline(decline, turn), cancellationToken);
        }
        else if (turn.Route?.Intent == Intents.Feedback && turn.Evidence.Learned is null
                 && turn.Evidence.Confidence < _options.Value.LowConfidenceThreshold)
        {
            // Feedback that the help centre does not answer is feedback, not a question: no weak passage as an answer.
            turn.Evidence = Evidence.None;
        }
        Remember(turn, signals);
        return await stepContext.EndDialogAsync(turn.Decision, cancellationToken);
    }

    private Activity Decline(string reason, SupportTurn turn)
    {
        var reply = _replies.Text(reason == DeclineReasons.OutOfScope ? OutOfScopeText : LowConfidenceText, SupportTrace.From(turn, AnswerSources.None));
        var actions = new List<CardAction> { new(ActionTypes.ImBack, TalkToAPerson, value: TalkToAPerson) };
        if (_options.Value.HelpCentreUrl is { } helpCentre)
        {
            actions.Add(new CardAction(ActionTypes.OpenUrl, "Browse the help centre", value: helpCentre.ToString()));
        }
        reply.SuggestedActions = new SuggestedActions(null, actions);
        return reply;
    }

    /// <summary>What the next turns need: the question and whether it was answered, its topic, and low-confidence turns.</summary>
    private static void Remember(SupportTurn turn, ConversationSignals signals)
    {
        if (turn.Route is not { Intent: Intents.Question or Intents.OutOfScope } route)
        {
            return;
        }
        var evidence = turn.Evidence;
        var answered = !turn.Handled && (evidence.Learned is not null || evidence.Hits.Count > 0);
        signals.Remember(new AskedQuestion { Text = turn.Question, Answered = answered, At = DateTimeOffset.UtcNow });
        if (turn.Decision.Decline == DeclineReasons.LowConfidence)
        {
            signals.LowConfidenceTurns++;
        }
        if (answered)
        {
            var searched = evidence.Query ?? turn.Question;
            signals.LastQuestion = searched.Length <= 400 ? searched : searched[..400];
            signals.LastRoute = route.Category;
            signals.LastTopic = evidence.Learned?.Question ?? evidence.Best?.Title;
        }
    }
}
