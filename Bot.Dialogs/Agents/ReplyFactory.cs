using System.Runtime.CompilerServices;
using Bot.Core.Schema;
using Microsoft.Extensions.Options;

namespace Bot.Dialogs.Agents;

/// <summary>
/// Builds the bot's replies and keeps each one's support trace: attached as <c>channelData.supportTrace</c> when
/// <see cref="BotOptions.ExposeTrace"/> is on, and always available to <see cref="TraceOf"/> (the turn recorder stores it).
/// </summary>
public sealed class ReplyFactory(IOptions<BotOptions> options)
{
    public const string TraceProperty = "supportTrace";

    private readonly ConditionalWeakTable<Activity, SupportTrace> _traces = [];

    public Activity Text(string text, SupportTrace? trace = null) => WithTrace(Core.MessageFactory.Text(text), trace);

    public Activity WithTrace(Activity activity, SupportTrace? trace)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (trace is null)
        {
            return activity;
        }
        _traces.AddOrUpdate(activity, trace);
        if (options.Value.ExposeTrace)
        {
            if (activity.ChannelData is IDictionary<string, object> channelData)
            {
                channelData[TraceProperty] = trace;
            }
            else
            {
                activity.ChannelData = new Dictionary<string, object> { [TraceProperty] = trace };
            }
        }
        return activity;
    }

    /// <summary>The trace a reply was built with, or null when it has none.</summary>
    public SupportTrace? TraceOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return _traces.TryGetValue(activity, out var trace) ? trace : null;
    }
}
