using System.Diagnostics.Metrics;
using Bot.Dialogs.Agents;

namespace Bot.Dialogs.Observability;

/// <summary>
/// The bot's instruments (Meter <c>Northwind.SupportBot</c>), published at <c>/metrics</c> by the host: turns, latency
/// per agent step, escalations by reason, feedback, search latency, LLM calls and failures, open Direct Line sockets.
/// </summary>
public sealed class SupportBotMetrics
{
    public const string MeterName = "Northwind.SupportBot";

    private readonly Counter<long> _turns;
    private readonly Histogram<double> _stepDuration;
    private readonly Histogram<double> _searchDuration;
    private readonly Counter<long> _escalations;
    private readonly Counter<long> _feedback;
    private readonly Counter<long> _llmCalls;
    private readonly Counter<long> _llmFailures;

    public SupportBotMetrics(IMeterFactory? meterFactory = null)
    {
        Meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _turns = Meter.CreateCounter<long>("turns", "{turn}", "Bot replies recorded, by route, answer source and escalation.");
        _stepDuration = Meter.CreateHistogram<double>("turn.duration", "ms", "Time per agent step of a turn (step=router|search|escalation|response|total).");
        _searchDuration = Meter.CreateHistogram<double>("search.duration", "ms", "Time of the Search agent (learned answers, hybrid search, demotions).");
        _escalations = Meter.CreateCounter<long>("escalations", "{handoff}", "Handoffs to a person, once per escalation signal that fired (reason).");
        _feedback = Meter.CreateCounter<long>("feedback", "{rating}", "Ratings and comments on answers (rating=up|down|comment).");
        _llmCalls = Meter.CreateCounter<long>("llm.calls", "{call}", "Calls to the chat model.");
        _llmFailures = Meter.CreateCounter<long>("llm.failures", "{call}", "Calls to the chat model that failed or timed out.");
    }

    public Meter Meter { get; }

    /// <summary>Counts a recorded reply and its step latencies and escalation reasons.</summary>
    public void RecordTurn(SupportTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var route = trace.Route ?? "none";
        _turns.Add(1,
            new KeyValuePair<string, object?>("route", route),
            new KeyValuePair<string, object?>("answer_source", trace.AnswerSource),
            new KeyValuePair<string, object?>("escalated", trace.Escalated ? "true" : "false"));
        _stepDuration.Record(trace.LatencyMs, new KeyValuePair<string, object?>("step", "total"));
        if (trace.Steps is { } steps)
        {
            Step(StepTimings.Router, steps.RouterMs);
            Step(StepTimings.Search, steps.SearchMs);
            Step(StepTimings.Escalation, steps.EscalationMs);
            Step(StepTimings.Response, steps.ResponseMs);
            if (steps.SearchMs is { } search)
            {
                _searchDuration.Record(search);
            }
        }
        if (trace.Escalated)
        {
            foreach (var reason in trace.Reasons.DefaultIfEmpty("unspecified"))
            {
                _escalations.Add(1, new KeyValuePair<string, object?>("reason", reason));
            }
        }
    }

    public void RecordFeedback(int? rating) =>
        _feedback.Add(1, new KeyValuePair<string, object?>("rating", rating switch { 1 => "up", -1 => "down", _ => "comment" }));

    public void RecordLlmCall(bool failed)
    {
        _llmCalls.Add(1);
        if (failed)
        {
            _llmFailures.Add(1);
        }
    }

    /// <summary>Publishes a gauge read on each scrape (the host's open Direct Line sockets, for one).</summary>
    public void ObserveGauge(string name, string unit, string description, Func<int> read) =>
        Meter.CreateObservableGauge(name, read, unit, description);

    private void Step(string step, int? ms)
    {
        if (ms is { } value)
        {
            _stepDuration.Record(value, new KeyValuePair<string, object?>("step", step));
        }
    }
}
