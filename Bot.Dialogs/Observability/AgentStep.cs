using System.Diagnostics;
using Bot.Core;
using Bot.Dialogs.Agents;

namespace Bot.Dialogs.Observability;

/// <summary>One agent step of a turn: times it into <see cref="SupportTurn.Timings"/> and traces it as a span.</summary>
public sealed class AgentStep : IDisposable
{
    private readonly SupportTurn _turn;
    private readonly string _name;
    private readonly Activity? _span;

    private AgentStep(SupportTurn turn, string name, Activity? span)
    {
        _turn = turn;
        _name = name;
        _span = span;
    }

    public static AgentStep Start(string name, SupportTurn turn, ITurnContext context)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(context);
        turn.Timings.Start(name);
        var span = SupportTelemetry.Source.StartActivity($"agent.{name}");
        span?.SetTag(SupportTelemetry.ConversationIdTag, context.Activity.Conversation?.Id);
        span?.SetTag("support.step", name);
        return new AgentStep(turn, name, span);
    }

    public void Dispose()
    {
        _turn.Timings.Stop(_name);
        if (_span is not null)
        {
            _span.SetTag("support.route", _turn.Route?.Category);
            _span.SetTag("support.escalated", _turn.Decision.Escalate);
            _span.Dispose();
        }
    }
}
