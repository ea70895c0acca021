using System.Diagnostics;
using Bot.Knowledge.Turns;

namespace Bot.Dialogs.Agents;

/// <summary>How long each agent step of a turn took; a step still running reports its time so far.</summary>
public sealed class StepTimings
{
    public const string Router = "router";
    public const string Search = "search";
    public const string Escalation = "escalation";
    public const string Response = "response";

    private readonly Dictionary<string, long> _started = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _finished = new(StringComparer.Ordinal);

    public void Start(string step) => _started[step] = Stopwatch.GetTimestamp();

    /// <summary>Ends the step and returns its milliseconds.</summary>
    public int Stop(string step)
    {
        var ms = Elapsed(step) ?? 0;
        _finished[step] = ms;
        return ms;
    }

    /// <summary>The step's milliseconds (so far, when it is still running); null when it never started.</summary>
    public int? Of(string step) => _finished.TryGetValue(step, out var ms) ? ms : Elapsed(step);

    public TurnStepLatencies ToLatencies() => new(Of(Router), Of(Search), Of(Escalation), Of(Response));

    private int? Elapsed(string step) =>
        _started.TryGetValue(step, out var started) ? (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds : null;
}
