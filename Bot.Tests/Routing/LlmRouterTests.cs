using System.Diagnostics;
using Bot.Dialogs.Agents;
using Bot.Dialogs.Escalation;
using Bot.Dialogs.Routing;
using Bot.Knowledge.Feedback;
using Bot.Knowledge.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Routing;

/// <summary>Classification and escalation judgement through an LLM, and the fall-back to the local model on any failure.</summary>
public sealed class LlmRouterTests(RoutingBotFixture fixture) : IClassFixture<RoutingBotFixture>
{
    private const string Message = "the totals on the quarterly statement look off";

    private LlmRouterModel Router(StubChatClient chat, TimeSpan? timeout = null) => new(
        fixture.Bot.Services.GetRequiredService<ExampleRouterModel>(),
        chat,
        Options.Create(new RouterOptions { LlmTimeout = timeout ?? TimeSpan.FromSeconds(5) }),
        NullLogger<LlmRouterModel>.Instance);

    [Fact]
    public async Task The_llm_verdict_is_used_and_it_sees_routes_and_nearest_examples()
    {
        var chat = StubChatClient.Answering("""{"route":"billing","intent":"complaint","confidence":0.9}""");
        var result = await Router(chat).ClassifyAsync(Message, CancellationToken.None);
        Assert.Equal(("billing", "complaint", RouterModels.Llm, 0.9), (result.Category, result.Intent, result.Model, result.Confidence));
        var prompt = string.Join("\n", Assert.Single(chat.Requests).Select(m => m.Text));
        Assert.Contains("- technical:", prompt, StringComparison.Ordinal);
        Assert.Contains("Labelled messages similar to this one", prompt, StringComparison.Ordinal);
        Assert.Contains(Message, prompt, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"route":"marketing","intent":"question","confidence":0.9}""")]
    [InlineData("""{"route":"billing","intent":"rant","confidence":0.9}""")]
    [InlineData("Sure! The route is billing.")]
    public async Task An_answer_that_is_not_a_known_route_and_intent_falls_back(string answer)
    {
        var result = await Router(StubChatClient.Answering(answer)).ClassifyAsync(Message, CancellationToken.None);
        Assert.NotEqual(RouterModels.Llm, result.Model);
    }

    [Fact]
    public async Task An_error_falls_back_to_the_local_model()
    {
        var local = await fixture.Bot.Services.GetRequiredService<ExampleRouterModel>().ClassifyAsync(Message, CancellationToken.None);
        var result = await Router(StubChatClient.Failing()).ClassifyAsync(Message, CancellationToken.None);
        Assert.Equal(local, result);
    }

    [Fact]
    public async Task A_slow_llm_falls_back_after_the_timeout()
    {
        var clock = Stopwatch.StartNew();
        var result = await Router(StubChatClient.Slow(TimeSpan.FromSeconds(30), "{}"), TimeSpan.FromMilliseconds(200))
            .ClassifyAsync(Message, CancellationToken.None);
        Assert.NotEqual(RouterModels.Llm, result.Model);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task The_rules_decide_without_asking_the_llm()
    {
        var chat = StubChatClient.Answering("""{"route":"billing","intent":"question","confidence":0.9}""");
        var result = await Router(chat).ClassifyAsync("I want to talk to a human", CancellationToken.None);
        Assert.Equal("asks_for_human", result.Intent);
        Assert.Empty(chat.Requests);
    }

    [Theory]
    [InlineData("""{"escalate":true,"why":"wants an exception to the refund policy"}""", true)]
    [InlineData("""{"escalate":false,"why":"the help centre answers this"}""", false)]
    [InlineData("not json", false)]
    public async Task The_llm_judgement_is_a_reason_of_its_own(string answer, bool escalates)
    {
        var options = Options.Create(new EscalationOptions());
        var judge = new LlmEscalationJudge(StubChatClient.Answering(answer), options, NullLogger<LlmEscalationJudge>.Instance);
        var policy = new EscalationPolicy(fixture.Bot.Services.GetRequiredService<IFeedbackStore>(), options, judge);
        var turn = new SupportTurn { Question = "can you make an exception and refund our monthly plan" };
        turn.Route = new RouteResult("billing", 0.9, "question");
        turn.Evidence = new Evidence([], 0.9);
        var decision = await policy.DecideAsync(turn, new ConversationSignals(), null, CancellationToken.None);
        Assert.Equal(escalates, decision.Escalate);
        Assert.Equal(escalates, decision.Reasons.Contains(EscalationReasons.LlmJudgement));
    }

    [Fact]
    public async Task A_failing_llm_judgement_is_ignored()
    {
        var options = Options.Create(new EscalationOptions());
        var judge = new LlmEscalationJudge(StubChatClient.Failing(), options, NullLogger<LlmEscalationJudge>.Instance);
        var policy = new EscalationPolicy(fixture.Bot.Services.GetRequiredService<IFeedbackStore>(), options, judge);
        var turn = new SupportTurn { Question = "how do I reset my password" };
        turn.Route = new RouteResult("technical", 0.9, "question");
        turn.Evidence = new Evidence([], 0.9);
        var decision = await policy.DecideAsync(turn, new ConversationSignals(), null, CancellationToken.None);
        Assert.False(decision.Escalate);
    }
}
