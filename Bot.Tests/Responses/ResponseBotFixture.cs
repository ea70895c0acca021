namespace Bot.Tests.Responses;

/// <summary>The bot without a language model (extractive answers), for a test class.</summary>
public sealed class ResponseBotFixture : IAsyncLifetime
{
    public BotServices Services { get; private set; } = null!;

    public async Task InitializeAsync() => Services = await BotServices.StartAsync();

    public async Task DisposeAsync() => await Services.DisposeAsync();
}
