using Bot.Core.Schema;
using Bot.Core.Testing;
using Bot.Dialogs.Responses;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using static Bot.Tests.Responses.TraceReader;

namespace Bot.Tests.Responses;

/// <summary>The whole bot with a language model (the fake server): typing, then a generated answer, or the extractive one on failure.</summary>
public sealed class LlmResponseTests(LlmBotFixture fixture) : IClassFixture<LlmBotFixture>
{
    private const string Generated = "Click **Forgot password?** on the sign-in page and follow the emailed link [1].";

    [Fact]
    public void A_configured_model_registers_a_chat_client_and_the_generative_composer()
    {
        Assert.NotNull(fixture.Services.Services.GetService<IChatClient>());
        Assert.True(fixture.Services.Services.GetRequiredService<IAnswerComposer>().IsGenerative);
    }

    [Fact]
    public async Task The_customer_sees_typing_then_the_generated_answer_with_its_sources()
    {
        fixture.Server.Delay = TimeSpan.Zero;
        fixture.Server.Model = _ => (200, Generated);
        await new TestFlow(NewAdapter(), fixture.Services.Bot)
            .Send("How do I reset my password?")
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply =>
            {
                Assert.Equal("llm", AnswerSource(reply));
                Assert.Equal(Generated, CardText(reply));
                var texts = Card(reply).GetProperty("body").EnumerateArray().Select(b => b.GetProperty("text").GetString()).ToList();
                Assert.Contains(texts, t => t!.Contains("](https://help.northwind.example/", StringComparison.Ordinal));
            })
            .StartTestAsync();
        var request = fixture.Server.Requests.Last();
        Assert.Contains("<question>\nHow do I reset my password?\n</question>", request.User, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_model_gives_the_extractive_answer_after_the_timeout()
    {
        fixture.Server.Delay = TimeSpan.FromSeconds(8);
        try
        {
            await new TestFlow(NewAdapter(), fixture.Services.Bot)
                .Send("How do I reset my password?")
                .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
                .AssertReply(reply =>
                {
                    Assert.Equal("kb", AnswerSource(reply));
                    Assert.Contains("password", CardText(reply), StringComparison.Ordinal);
                }, timeout: 6000)
                .StartTestAsync();
        }
        finally
        {
            fixture.Server.Delay = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task A_failing_model_gives_the_extractive_answer()
    {
        fixture.Server.Delay = TimeSpan.Zero;
        fixture.Server.Model = _ => (500, "");
        await new TestFlow(NewAdapter(), fixture.Services.Bot)
            .Send("How do I reset my password?")
            .AssertReply(reply => Assert.Equal(ActivityTypes.Typing, reply.Type))
            .AssertReply(reply => Assert.Equal("kb", AnswerSource(reply)))
            .StartTestAsync();
    }

    private static TestAdapter NewAdapter()
    {
        var reference = TestAdapter.CreateConversation("convo-" + Guid.NewGuid().ToString("N"));
        reference.User = new ChannelAccount("user-" + Guid.NewGuid().ToString("N"), "User1");
        return new TestAdapter(reference);
    }
}
