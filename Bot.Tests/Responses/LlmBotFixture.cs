namespace Bot.Tests.Responses;

/// <summary>The bot with a language model configured: the fake OpenAI-compatible server, a 1.5 s timeout.</summary>
public sealed class LlmBotFixture : IAsyncLifetime
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1.5);

    internal FakeChatServer Server { get; private set; } = null!;

    public BotServices Services { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await FakeChatServer.StartAsync();
        Services = await BotServices.StartAsync(new Dictionary<string, string?>
        {
            ["Llm:Provider"] = "OpenAI",
            ["Llm:Endpoint"] = Server.Endpoint.ToString(),
            ["Llm:ApiKey"] = "test-key",
            ["Llm:Model"] = "fake-model",
            ["Llm:Timeout"] = Timeout.ToString(),
        });
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
