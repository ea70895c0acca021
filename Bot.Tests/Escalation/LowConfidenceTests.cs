using Bot.Core.Testing;
using Bot.Dialogs.Agents;
using Bot.Dialogs.Escalation;
using Bot.Tests.Routing;

namespace Bot.Tests.Escalation;

/// <summary>A bot whose retrieval is never confident enough (threshold 1), so the low-confidence signal is deterministic.</summary>
public sealed class UnsureBotFixture : IAsyncLifetime
{
    public RoutingBot Bot { get; private set; } = null!;

    public async Task InitializeAsync() => Bot = await RoutingBot.StartAsync(new Dictionary<string, string?>
    {
        ["Escalation:LowConfidenceThreshold"] = "1",
    });

    public async Task DisposeAsync() => await Bot.DisposeAsync();
}

/// <summary>Retrieval confidence below the threshold: the first time a polite "put it another way", the second time a person.</summary>
public sealed class LowConfidenceTests(UnsureBotFixture fixture) : IClassFixture<UnsureBotFixture>
{
    [Fact]
    public async Task The_second_unanswerable_question_hands_off()
    {
        await new TestFlow(RoutingBot.NewAdapter(), fixture.Bot.Bot)
            .Send("How do I reset my password?")
            .AssertReply(reply =>
            {
                Assert.Equal(EscalationDialog.LowConfidenceText, reply.Text);
                Assert.Contains(reply.SuggestedActions!.Actions, a => a.Title == EscalationDialog.TalkToAPerson);
                Assert.False(RoutingBot.Trace(reply).GetProperty("escalated").GetBoolean());
            })
            .Send("how do I turn on two factor authentication")
            .AssertReply(reply => Assert.Equal([EscalationReasons.LowConfidence], RoutingBot.Reasons(reply)))
            .StartTestAsync();
    }
}
