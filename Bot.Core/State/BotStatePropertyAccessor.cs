namespace Bot.Core;

internal sealed class BotStatePropertyAccessor<T>(BotState botState, string name) : IStatePropertyAccessor<T>
{
    public string Name { get; } = name;

    public async Task<T> GetAsync(ITurnContext turnContext, Func<T>? defaultValueFactory = null, CancellationToken cancellationToken = default)
    {
        await botState.LoadAsync(turnContext, false, cancellationToken);
        if (botState.TryGetPropertyValue<T>(turnContext, Name, out var value))
        {
            return value!;
        }

        if (defaultValueFactory == null)
        {
            return default!;
        }

        var created = defaultValueFactory();
        await SetAsync(turnContext, created, cancellationToken);
        return created;
    }

    public async Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken = default)
    {
        await botState.LoadAsync(turnContext, false, cancellationToken);
        botState.SetPropertyValue(turnContext, Name, value);
    }

    public async Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await botState.LoadAsync(turnContext, false, cancellationToken);
        botState.DeletePropertyValue(turnContext, Name);
    }
}
