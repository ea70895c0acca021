namespace Bot.Tests.Infrastructure;

/// <summary>The host registered as a Bot Framework bot, against a <see cref="FakeBotFramework"/> for login and Connector.</summary>
public sealed class ConnectorFixture : IAsyncLifetime
{
    public const string AgentChannelId = "19:agents0123456789abcdef@thread.tacv2";

    public FakeBotFramework Fake { get; } = new();

    public BotHost Host { get; } = new();

    public async Task InitializeAsync()
    {
        await Fake.InitializeAsync();
        Fake.Configure(Host);
        Host.Settings["Teams:AgentChannelId"] = AgentChannelId;
        Host.Settings["Teams:TenantId"] = FakeBotFramework.TenantId;
        await Host.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
