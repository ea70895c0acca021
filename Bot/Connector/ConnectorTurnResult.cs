using Bot.Core.Schema;

namespace Bot.Connector;

/// <summary>What processing an inbound Connector activity gave: skipped as a replay, or the invoke response (for invokes).</summary>
public sealed record ConnectorTurnResult(bool IsDuplicate, InvokeResponse? InvokeResponse)
{
    public static ConnectorTurnResult Duplicate { get; } = new(true, null);
}
