using Bot.Core.Testing;
using Bot.Dialogs.Agents;
using Bot.Dialogs.Routing;
using Bot.Knowledge.Learning;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Routing;

/// <summary>The Search agent: follow-ups searched with the question before them, learned answers before the knowledge base.</summary>
public sealed class SearchDialogTests(RoutingBotFixture fixture) : IClassFixture<RoutingBotFixture>
{
    [Theory]
    [InlineData("and on the yearly plan?", true)]
    [InlineData("it still fails", true)]
    [InlineData("what about refunds", true)]
    [InlineData("is that available on free?", true)]
    [InlineData("How do I reset my password?", false)]
    [InlineData("can i get a refund on my annual plan", false)]
    [InlineData("the webhook deliveries keep failing with a timeout after ten seconds", false)]
    public void Short_follow_ups_are_recognised(string message, bool followUp) =>
        Assert.Equal(followUp, FollowUpRewriter.IsFollowUp(message));

    [Fact]
    public async Task A_short_follow_up_is_answered_from_the_previous_question()
    {
        string? firstTitle = null;
        await new TestFlow(RoutingBot.NewAdapter(), fixture.Bot.Bot)
            .Send("SSO with Okta keeps failing with an assertion error")
            .AssertReply(reply =>
            {
                var trace = RoutingBot.Trace(reply);
                Assert.Equal("kb", trace.GetProperty("answerSource").GetString());
                firstTitle = trace.GetProperty("sources")[0].GetProperty("title").GetString();
            })
            .Send("it still fails")
            .AssertReply(reply =>
            {
                var trace = RoutingBot.Trace(reply);
                Assert.Equal("kb", trace.GetProperty("answerSource").GetString());
                Assert.Equal("technical", trace.GetProperty("route").GetString());
                var titles = trace.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("title").GetString()).ToList();
                Assert.Contains(titles, t => t!.Contains("SSO", StringComparison.OrdinalIgnoreCase) || t == firstTitle);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task The_same_short_message_without_a_previous_question_is_not_answered_from_a_guess()
    {
        await new TestFlow(RoutingBot.NewAdapter(), fixture.Bot.Bot)
            .Send("it still fails")
            .AssertReply(reply => Assert.Equal("none", RoutingBot.Trace(reply).GetProperty("answerSource").GetString()))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_learned_answer_is_found_before_the_knowledge_base()
    {
        const string question = "how do I rename our workspace after a rebrand";
        const string answer = "Open Admin Console > Workspace settings, change the workspace name and click Save; everyone sees the new name at once.";
        await fixture.Bot.Services.GetRequiredService<ILearnedAnswerStore>()
            .AddAsync(new Correction(question, answer, "technical", null, "test"), CancellationToken.None);

        await new TestFlow(RoutingBot.NewAdapter(), fixture.Bot.Bot)
            .Send(question)
            .AssertReply(reply => Assert.Equal("learned", RoutingBot.Trace(reply).GetProperty("answerSource").GetString()))
            .StartTestAsync();
    }

    [Fact]
    public async Task The_search_agent_fills_the_evidence_with_the_route_as_a_preference()
    {
        var turn = new SupportTurn { Question = "how do I download my invoices" };
        turn.Route = await fixture.Bot.Router.ClassifyAsync(turn.Question, CancellationToken.None);
        Assert.Equal("billing", turn.Route.Category);
        var adapter = RoutingBot.NewAdapter();
        var search = fixture.Bot.Services.GetRequiredService<SearchDialog>();
        var state = fixture.Bot.Services.GetRequiredService<Bot.Core.ConversationState>();
        var dialogs = new Bot.Core.Dialogs.DialogSet(state.CreateProperty<Bot.Core.Dialogs.DialogState>("test-dialogs"));
        dialogs.Add(search);
        await adapter.ProcessActivityAsync(adapter.MakeActivity(turn.Question), async (context, cancellationToken) =>
        {
            var dialogContext = await dialogs.CreateContextAsync(context, cancellationToken);
            await dialogContext.BeginDialogAsync(nameof(SearchDialog), turn, cancellationToken);
        });
        Assert.NotEmpty(turn.Evidence.Hits);
        Assert.InRange(turn.Evidence.Confidence, 0.35, 1);
        Assert.Equal("billing", turn.Evidence.Best!.Category);
        Assert.Equal(turn.Question, turn.Evidence.Query);
    }
}
