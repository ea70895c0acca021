using Bot.Core.Schema;
using Bot.Core.Testing;
using Bot.Dialogs.Agents;

namespace Bot.Tests.Routing;

/// <summary>The Router agent as utterance → (route, intent) tables, through the whole bot, with the shipped examples.</summary>
public sealed class RouterDialogTests(RoutingBotFixture fixture) : IClassFixture<RoutingBotFixture>
{
    public static TheoryData<string, string, string> Questions => new()
    {
        { "How do I reset my password?", "technical", "question" },
        { "my api key returns 401 unauthorized", "technical", "question" },
        { "can i get a refund on my annual plan", "billing", "question" },
        { "where do I download our invoices", "billing", "question" },
        { "what are your support hours", "general", "question" },
        { "where is the status page", "general", "question" },
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task A_question_gets_its_route_and_intent(string message, string route, string intent)
    {
        await new TestFlow(RoutingBot.NewAdapter(), fixture.Bot.Bot)
            .Send(message)
            .AssertReply(reply =>
            {
                var trace = RoutingBot.Trace(reply);
                Assert.Equal(route, trace.GetProperty("route").GetString());
                Assert.Equal(intent, trace.GetProperty("intent").GetString());
                var confidence = trace.GetProperty("confidence").GetDouble();
                Assert.InRange(confidence, 0, 1);
            })
            .StartTestAsync();
    }

    [Theory]
    [InlineData("hello", "greeting")]
    [InlineData("good morning!", "greeting")]
    [InlineData("thanks, that helped", "thanks")]
    [InlineData("I want to talk to a human", "asks_for_human")]
    [InlineData("can I speak to someone from support please", "asks_for_human")]
    public async Task Obvious_intents_are_recognised(string message, string intent)
    {
        await new TestFlow(RoutingBot.NewAdapter(), fixture.Bot.Bot)
            .Send(message)
            .AssertReply(reply => Assert.Equal(intent, RoutingBot.Trace(reply).GetProperty("intent").GetString()))
            .StartTestAsync();
    }

    [Theory]
    [InlineData("what's the weather like in rome tomorrow")]
    [InlineData("tell me a joke about penguins")]
    [InlineData("who won the football game last night")]
    public async Task An_out_of_scope_message_is_declined_politely_with_options(string message)
    {
        await new TestFlow(RoutingBot.NewAdapter(), fixture.Bot.Bot)
            .Send(message)
            .AssertReply(reply =>
            {
                Assert.Equal(EscalationDialog.OutOfScopeText, reply.Text);
                Assert.Contains(reply.SuggestedActions!.Actions, a => a.Title == EscalationDialog.TalkToAPerson && a.Type == ActionTypes.ImBack);
                var trace = RoutingBot.Trace(reply);
                Assert.Equal("out_of_scope", trace.GetProperty("intent").GetString());
                Assert.Equal("none", trace.GetProperty("answerSource").GetString());
                Assert.False(trace.GetProperty("escalated").GetBoolean());
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task The_talk_to_a_person_option_of_a_decline_hands_off()
    {
        await new TestFlow(RoutingBot.NewAdapter(), fixture.Bot.Bot)
            .Send("tell me a joke about penguins")
            .AssertReply(reply => Assert.Equal(EscalationDialog.OutOfScopeText, reply.Text))
            .Send(EscalationDialog.TalkToAPerson)
            .AssertReply(reply => Assert.Contains("asks_for_human", RoutingBot.Reasons(reply)))
            .StartTestAsync();
    }
}
