using Bot.Tests.Infrastructure;
using Bot.Tests.Memory;
using static Bot.Tests.Responses.TraceReader;

namespace Bot.Tests.Responses;

/// <summary>The real host configured with an <c>Llm</c> section pointing at the fake server, driven through Direct Line.</summary>
public sealed class LlmHostTests(LlmHostTests.Fixture fixture) : IClassFixture<LlmHostTests.Fixture>
{
    [Fact]
    public async Task A_question_through_direct_line_gets_a_generated_answer()
    {
        fixture.Server.Model = request => request.User.Contains("<passages>", StringComparison.Ordinal)
            ? (200, "Use **Forgot password?** on the sign-in page [1].")
            : (200, "ungrounded");
        var session = await DirectLineSession.StartAsync(fixture.Host.CreateClient());
        await session.BotRepliesAsync();

        var reply = Assert.Single(await session.AskAsync("How do I reset my password?"));

        Assert.Equal("llm", AnswerSource(reply));
        Assert.Equal("Use **Forgot password?** on the sign-in page [1].", CardText(reply));
        Assert.Contains(fixture.Server.Requests, r => r.Model == "fake-model" && r.Authorization == "Bearer test-key");
    }

    [Fact]
    public async Task When_the_model_errors_the_customer_still_gets_an_answer()
    {
        fixture.Server.Model = _ => (500, "");
        var session = await DirectLineSession.StartAsync(fixture.Host.CreateClient());
        await session.BotRepliesAsync();

        var reply = Assert.Single(await session.AskAsync("How do I reset my password?"));

        Assert.Equal("kb", AnswerSource(reply));
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public BotHost Host { get; } = new();

        internal FakeChatServer Server { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Server = await FakeChatServer.StartAsync();
            Host.Settings["Llm:Provider"] = "OpenAI";
            Host.Settings["Llm:Endpoint"] = Server.Endpoint.ToString();
            Host.Settings["Llm:ApiKey"] = "test-key";
            Host.Settings["Llm:Model"] = "fake-model";
            Host.Settings["Llm:Timeout"] = "00:00:05";
            await Host.InitializeAsync();
        }

        public async Task DisposeAsync()
        {
            await Host.DisposeAsync();
            await Server.DisposeAsync();
        }
    }
}
