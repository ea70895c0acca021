using Bot.Dialogs.Agents;
using Bot.Dialogs.Routing;
using Bot.Knowledge.Feedback;
using Bot.Knowledge.Learning;
using Microsoft.Extensions.Options;

namespace Bot.Dialogs.Escalation;

/// <summary>
/// Decides whether a person takes over, checking every named signal and recording each that fires; and, when none
/// does, whether the bot should decline rather than answer (out of scope, or nothing it is confident about).
/// Thresholds come from <see cref="EscalationOptions"/>.
/// </summary>
public sealed class EscalationPolicy(IFeedbackStore feedback, IOptions<EscalationOptions> options, LlmEscalationJudge? judge = null)
{
    /// <summary>
    /// The decision for a turn. A turn without a route (a card action) is judged only on the reasons it carries and on
    /// the conversation's thumbs-down; a message is judged on everything.
    /// </summary>
    public async Task<EscalationDecision> DecideAsync(SupportTurn turn, ConversationSignals signals, string? conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(signals);
        var settings = options.Value;
        var reasons = new List<string>(turn.Decision.Reasons);

        if (turn.Route is { } route)
        {
            var intent = route.Intent;
            if (intent == Intents.AsksForHuman || RouterRules.AsksForHuman(turn.Question))
            {
                reasons.Add(EscalationReasons.AsksForHuman);
            }
            if ((intent == Intents.Complaint || RouterRules.MentionsComplaint(turn.Question)) && settings.EscalateComplaints)
            {
                reasons.Add(EscalationReasons.Complaint);
            }
            foreach (var reason in EscalationSignals.Of(turn.Question))
            {
                var enabled = reason switch
                {
                    EscalationReasons.AbusiveLanguage => settings.EscalateAbuse,
                    EscalationReasons.LegalLanguage => settings.EscalateLegal,
                    _ => settings.EscalateHighRisk,
                };
                if (enabled)
                {
                    reasons.Add(reason);
                }
            }
            if (intent is Intents.Question && AskedAgain(turn.Question, signals, settings.RepeatSimilarity, DateTimeOffset.UtcNow - settings.RepeatMinimumGap))
            {
                reasons.Add(EscalationReasons.RepeatedQuestion);
            }
        }

        if (conversationId is not null && (turn.Route is null || signals.Questions.Any(q => q.Answered))
            && await NegativeFeedbackAsync(conversationId, signals, cancellationToken) >= settings.NegativeFeedbackCount)
        {
            reasons.Add(EscalationReasons.NegativeFeedback);
        }

        string? decline = null;
        if (turn.Route is { } asked && reasons.Count == 0)
        {
            var answerable = turn.Evidence.Learned is not null || turn.Evidence.Confidence >= settings.LowConfidenceThreshold;
            if (asked.Intent == Intents.OutOfScope
                && turn.Evidence.Learned is null && turn.Evidence.Confidence < settings.OutOfScopeAnswerConfidence)
            {
                decline = DeclineReasons.OutOfScope;
            }
            else if (asked.Intent is Intents.Question or Intents.OutOfScope && !answerable)
            {
                if (signals.LowConfidenceTurns + 1 >= settings.LowConfidenceTurns)
                {
                    reasons.Add(EscalationReasons.LowConfidence);
                }
                else
                {
                    decline = DeclineReasons.LowConfidence;
                }
            }
        }

        if (reasons.Count == 0 && decline is null && judge is not null && settings.UseLlm
            && turn.Route?.Intent is Intents.Question or Intents.Complaint or Intents.Feedback
            && await judge.ShouldEscalateAsync(turn.Question, signals.Questions, turn.Evidence.Confidence, cancellationToken))
        {
            reasons.Add(EscalationReasons.LlmJudgement);
        }

        var distinct = reasons.Distinct(StringComparer.Ordinal).ToList();
        return distinct.Count > 0 ? new EscalationDecision(true, distinct) : EscalationDecision.Stay with { Decline = decline };
    }

    /// <summary>True when the question is (nearly) one the bot answered in this conversation before <paramref name="answeredBefore"/>.</summary>
    public static bool AskedAgain(string question, ConversationSignals signals, double threshold, DateTimeOffset answeredBefore)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var terms = QuestionTerms.Of(question);
        var key = Key(question);
        foreach (var asked in signals.Questions)
        {
            if (!asked.Answered || asked.At > answeredBefore)
            {
                continue;
            }
            if (Key(asked.Text) == key || (terms.Length > 0 && QuestionTerms.Overlap(terms, QuestionTerms.Of(asked.Text)) >= threshold))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>How many thumbs-down the conversation has had in all.</summary>
    public async Task<int> CountNegativeFeedbackAsync(string conversationId, CancellationToken cancellationToken) =>
        (await feedback.ForConversationAsync(conversationId, cancellationToken)).Count(e => e.Rating == -1);

    private async Task<int> NegativeFeedbackAsync(string conversationId, ConversationSignals signals, CancellationToken cancellationToken)
    {
        var entries = await feedback.ForConversationAsync(conversationId, cancellationToken);
        // Ratings before a handoff were that handoff's business; count the ones since.
        return entries.Count(e => e.Rating == -1) - signals.NegativeFeedbackAtHandoff;
    }

    private static string Key(string text) =>
        string.Join(' ', RouterRules.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries)).TrimEnd('?', '!', '.', ' ');
}
