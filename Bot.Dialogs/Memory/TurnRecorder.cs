using Bot.Core;
using Bot.Core.Schema;
using Bot.Dialogs.Agents;
using Bot.Dialogs.Observability;
using Bot.Knowledge.Privacy;
using Bot.Knowledge.Turns;
using Microsoft.Extensions.Logging;

namespace Bot.Dialogs.Memory;

/// <summary>
/// Stores the support trace of every reply in the <c>turns</c> table once the channel has given the reply its id,
/// whether or not the trace is exposed in <c>channelData</c>; and notes hand-offs in the person's summaries. A failure
/// to record is logged, never shown to the customer.
/// </summary>
public sealed class TurnRecorder(
    ITurnStore turns, ReplyFactory replies, SupportStateAccessors state, SupportBotMetrics metrics, ILogger<TurnRecorder> logger)
{
    /// <summary>Adds the recording hook to this turn's sends.</summary>
    public void Attach(ITurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.OnSendActivities(async (turnContext, activities, next) =>
        {
            var responses = await next();
            for (var i = 0; i < activities.Count; i++)
            {
                if (replies.TraceOf(activities[i]) is { } trace)
                {
                    await RecordAsync(turnContext, trace, i < responses.Length ? responses[i].Id : null, activities[i].Id);
                }
            }
            return responses;
        });
    }

    private async Task RecordAsync(ITurnContext context, SupportTrace trace, string? responseId, string? activityId)
    {
        var activity = context.Activity;
        if (activity.Conversation?.Id is not { } conversationId)
        {
            return;
        }
        try
        {
            await turns.RecordAsync(
                new TurnRecord(
                    conversationId,
                    activity.ChannelId,
                    activity.From?.Id,
                    string.IsNullOrEmpty(responseId) ? activityId : responseId,
                    trace.Route,
                    trace.Confidence,
                    trace.Intent,
                    trace.Escalated,
                    trace.Reasons,
                    trace.AnswerSource,
                    trace.Sources.Select(s => s.DocumentId).Distinct().ToList(),
                    trace.LatencyMs)
                {
                    Question = PiiRedactor.Redact(trace.Question),
                    Steps = trace.Steps ?? TurnStepLatencies.None,
                    LearnedAnswerId = trace.LearnedAnswerId,
                },
                CancellationToken.None);
            metrics.RecordTurn(trace);
            if (trace.Escalated)
            {
                await NoteHandoffAsync(context, conversationId, trace);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not record the turn of conversation {ConversationId}", conversationId);
        }
    }

    private async Task NoteHandoffAsync(ITurnContext context, string conversationId, SupportTrace trace)
    {
        if (context.Activity.From?.Id is null)
        {
            return;
        }
        var profile = await state.Profile.GetAsync(context, () => new UserProfile(), CancellationToken.None);
        var summary = profile.Summaries.LastOrDefault(s => s.ConversationId == conversationId
            && (trace.Question is null || string.Equals(s.Question, SummaryText.Clip(trace.Question), StringComparison.Ordinal)));
        if (summary is null)
        {
            if (string.IsNullOrWhiteSpace(trace.Question))
            {
                return;
            }
            summary = profile.Remember(new ConversationSummary
            {
                ConversationId = conversationId,
                Question = SummaryText.Clip(trace.Question),
                At = DateTimeOffset.UtcNow,
            });
        }
        summary.Escalated = true;
        summary.Resolved = null;
    }
}
