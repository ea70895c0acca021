namespace Bot.Core;

/// <summary>Several <see cref="BotState"/> objects loaded and saved together.</summary>
public sealed class BotStateSet
{
    public BotStateSet(params BotState[] botStates)
    {
        ArgumentNullException.ThrowIfNull(botStates);
        BotStates.AddRange(botStates);
    }

    public List<BotState> BotStates { get; } = [];

    public BotStateSet Add(BotState botState)
    {
        ArgumentNullException.ThrowIfNull(botState);
        BotStates.Add(botState);
        return this;
    }

    public Task LoadAllAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default) =>
        Task.WhenAll(BotStates.Select(s => s.LoadAsync(turnContext, force, cancellationToken)));

    public Task SaveAllChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default) =>
        Task.WhenAll(BotStates.Select(s => s.SaveChangesAsync(turnContext, force, cancellationToken)));
}
