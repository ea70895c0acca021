using System.Text.Json.Serialization;
using Bot.Knowledge.Turns;

namespace Bot.Dialogs.Agents;

/// <summary>The <c>channelData.supportTrace</c> of a reply: what the agents decided and why.</summary>
public sealed record SupportTrace(
    string? Route,
    double Confidence,
    string? Intent,
    bool Escalated,
    IReadOnlyList<string> Reasons,
    string AnswerSource,
    IReadOnlyList<SupportTraceSource> Sources,
    int LatencyMs)
{
    /// <summary>The customer's question the reply is about; kept for the turn record and memory, never sent to the channel.</summary>
    [JsonIgnore]
    public string? Question { get; init; }

    /// <summary>Milliseconds per agent step (router, search, escalation, response) up to this reply.</summary>
    public TurnStepLatencies? Steps { get; init; }

    /// <summary>The learned answer this reply gave, when it gave one.</summary>
    public long? LearnedAnswerId { get; init; }

    public static SupportTrace From(SupportTurn turn, string answerSource)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return new(
            turn.Route?.Category,
            turn.Route?.Confidence ?? 0,
            turn.Route?.Intent,
            turn.Decision.Escalate,
            turn.Decision.Reasons,
            answerSource,
            turn.Evidence.Hits.Take(3).Select(h => new SupportTraceSource(h.DocumentId, h.Title, Math.Round(h.Score, 4))).ToList(),
            turn.ElapsedMilliseconds)
        {
            Question = turn.Question,
            Steps = turn.Timings.ToLatencies(),
            LearnedAnswerId = answerSource == Responses.AnswerSources.Learned ? turn.Evidence.Learned?.Id : null,
        };
    }
}

/// <summary>One source in a trace.</summary>
public sealed record SupportTraceSource(long DocumentId, string Title, double Score);
