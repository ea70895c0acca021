using Bot.Core.Schema;
using Microsoft.Extensions.Options;

namespace Bot.Dialogs.Agents;

/// <summary>Builds the bot's replies, attaching the support trace when configured.</summary>
public sealed class ReplyFactory(IOptions<BotOptions> options)
{
    public Activity Text(string text, SupportTrace? trace = null) => WithTrace(Core.MessageFactory.Text(text), trace);

    public Activity WithTrace(Activity activity, SupportTrace? trace)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (trace is not null && options.Value.ExposeTrace)
        {
            activity.ChannelData = new Dictionary<string, object> { ["supportTrace"] = trace };
        }
        return activity;
    }
}
