using Bot.Connector;
using Bot.Core;
using Bot.Core.Schema;
using Microsoft.Extensions.Options;

namespace Bot.Teams;

/// <summary>
/// Proactive cards in the human agents' Teams channel (<see cref="TeamsOptions.AgentChannelId"/>): each card starts a
/// new thread (<c>POST {serviceUrl}v3/conversations</c> with <c>channelData.channel.id</c>, as the SDK's
/// <c>TeamsInfo.SendMessageToTeamsChannelAsync</c>), and is updated in place (<c>PUT …/activities/{id}</c>) as its state changes.
/// </summary>
public sealed class TeamsAgentChannel(
    ConnectorAdapter adapter,
    IConversationReferenceStore references,
    IOptions<TeamsOptions> options,
    IOptions<BotFrameworkOptions> bot)
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.AgentChannelId);

    /// <summary>Posts <paramref name="card"/> as a new thread in the agents' channel.</summary>
    public async Task<TeamsChannelPost> PostCardAsync(Attachment card, string? summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        var o = options.Value;
        if (!IsConfigured)
        {
            throw new InvalidOperationException("Set Teams:AgentChannelId to the agents' channel id to post cards into Teams.");
        }
        var tenantId = string.IsNullOrWhiteSpace(o.TenantId) ? null : o.TenantId;
        var serviceUrl = !string.IsNullOrWhiteSpace(o.ServiceUrl)
            ? o.ServiceUrl
            : await references.FindServiceUrlAsync(Channels.Msteams, tenantId, cancellationToken) ?? TeamsOptions.DefaultServiceUrl;
        var message = MessageFactory.Attachment(card);
        message.Summary = summary;
        var parameters = new ConversationParameters
        {
            IsGroup = true,
            Bot = BotAccount,
            TenantId = tenantId,
            ChannelData = new { channel = new { id = o.AgentChannelId }, tenant = tenantId is null ? null : new { id = tenantId } },
            Activity = message,
        };
        var created = await adapter.CreateConversationAsync(Channels.Msteams, serviceUrl, parameters, callback: null, cancellationToken);
        return new TeamsChannelPost(created.Id!, created.ActivityId ?? "", created.ServiceUrl ?? serviceUrl);
    }

    /// <summary>Replaces the card of <paramref name="post"/> for everyone in the channel.</summary>
    public Task UpdateCardAsync(TeamsChannelPost post, Attachment card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(card);
        var reference = Reference(post);
        return adapter.ContinueConversationAsync(BotAccount.Id!, reference, async (turnContext, ct) =>
        {
            var update = MessageFactory.Attachment(card);
            update.Id = post.ActivityId;
            await turnContext.UpdateActivityAsync(update, ct);
        }, cancellationToken);
    }

    /// <summary>Posts a message into the thread of <paramref name="post"/> (a reply under the card).</summary>
    public Task ReplyAsync(TeamsChannelPost post, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(activity);
        return adapter.ContinueConversationAsync(BotAccount.Id!, Reference(post), (turnContext, ct) => turnContext.SendActivityAsync(activity, ct), cancellationToken);
    }

    /// <summary>Teams knows a bot as <c>28:{MicrosoftAppId}</c>.</summary>
    private ChannelAccount BotAccount => new() { Id = "28:" + bot.Value.MicrosoftAppId, Role = RoleTypes.Bot };

    private ConversationReference Reference(TeamsChannelPost post) => new()
    {
        ChannelId = Channels.Msteams,
        ServiceUrl = post.ServiceUrl,
        Conversation = new ConversationAccount
        {
            Id = post.ConversationId,
            IsGroup = true,
            ConversationType = "channel",
            TenantId = string.IsNullOrWhiteSpace(options.Value.TenantId) ? null : options.Value.TenantId,
        },
        Bot = BotAccount,
    };
}
