namespace Bot.Tests.Routing;

/// <summary>One seeded <see cref="RoutingBot"/> for a test class.</summary>
public sealed class RoutingBotFixture : IAsyncLifetime
{
    public RoutingBot Bot { get; private set; } = null!;

    public async Task InitializeAsync() => Bot = await RoutingBot.StartAsync();

    public async Task DisposeAsync() => await Bot.DisposeAsync();
}
