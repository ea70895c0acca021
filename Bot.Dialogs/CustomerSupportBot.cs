using Bot.Core;
using Bot.Core.Dialogs;
using Bot.Core.Schema;
using Bot.Dialogs.Agents;

namespace Bot.Dialogs;

/// <summary>
/// The bot: welcomes people, hands every message to the root dialog, and saves conversation and user state once,
/// at the end of the turn (with eTag concurrency, so two turns never silently overwrite each other).
/// </summary>
public sealed class CustomerSupportBot(
    ConversationState conversationState,
    UserState userState,
    RootDialog rootDialog,
    SupportStateAccessors state,
    Microsoft.Extensions.Options.IOptions<BotOptions> options) : ActivityHandler
{
    /// <inheritdoc/>
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.OnTurnAsync(turnContext, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
        await userState.SaveChangesAsync(turnContext, false, cancellationToken);
    }

    /// <inheritdoc/>
    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var profile = await state.Profile.GetAsync(turnContext, () => new UserProfile(), cancellationToken);
        profile.FirstSeen ??= DateTimeOffset.UtcNow;
        profile.LastSeen = DateTimeOffset.UtcNow;
        profile.Name ??= NameOf(turnContext.Activity.From);
        await rootDialog.RunAsync(turnContext, state.DialogState, cancellationToken);
    }

    /// <inheritdoc/>
    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var botId = turnContext.Activity.Recipient?.Id;
        if (!membersAdded.Any(member => member.Id != botId))
        {
            return;
        }
        await turnContext.SendActivityAsync(
            MessageFactory.Text(
                $"Hi, I'm {options.Value.Name}. Ask me anything about your account, billing or our product, " +
                "and I'll answer from our help centre. You can ask for a person at any time."),
            cancellationToken);
    }

    private static string? NameOf(ChannelAccount? account) =>
        account?.Name is { Length: > 0 } name && !string.Equals(name, account.Id, StringComparison.Ordinal) && name != "User" ? name : null;
}
