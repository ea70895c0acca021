using System.Text.Json;
using Bot.Core.Schema;
using Bot.Core.Testing;

namespace Bot.Tests.Dialogs;

/// <summary>The whole waterfall (Router → Search → Escalation → Response, and Feedback) as utterance → reply tables.</summary>
public sealed class RootDialogTests(SupportBotFixture fixture) : IClassFixture<SupportBotFixture>
{
    public static TheoryData<string, string> KnowledgeQuestions => new()
    {
        { "How do I reset my password?", "password" },
        { "can i get a refund on my annual plan", "refund" },
        { "what are your support hours", "hours" },
    };

    [Theory]
    [MemberData(nameof(KnowledgeQuestions))]
    public async Task A_question_is_answered_from_the_knowledge_base_with_a_card(string question, string expectedTitleWord)
    {
        await new TestFlow(NewAdapter(), fixture.Bot)
            .Send(question)
            .AssertReply(reply =>
            {
                var card = Assert.Single(reply.Attachments!);
                Assert.Equal("application/vnd.microsoft.card.adaptive", card.ContentType);
                var content = JsonSerializer.SerializeToElement(card.Content, BotJson.Options);
                Assert.False(string.IsNullOrWhiteSpace(content.GetProperty("body")[0].GetProperty("text").GetString()));
                Assert.Equal(content.GetProperty("body")[0].GetProperty("text").GetString(), content.GetProperty("fallbackText").GetString());
                var trace = Trace(reply);
                Assert.Equal("kb", trace.GetProperty("answerSource").GetString());
                Assert.False(trace.GetProperty("escalated").GetBoolean());
                var source = trace.GetProperty("sources")[0].GetProperty("title").GetString()!;
                Assert.Contains(expectedTitleWord, source, StringComparison.OrdinalIgnoreCase);
            })
            .StartTestAsync();
    }

    [Theory]
    [InlineData("I want to talk to a human")]
    [InlineData("agent please")]
    [InlineData("can you connect me with someone from support")]
    public async Task Asking_for_a_person_escalates_with_a_polite_notice(string message)
    {
        await new TestFlow(NewAdapter(), fixture.Bot)
            .Send(message)
            .AssertReply(reply =>
            {
                Assert.Contains("support team", reply.Text, StringComparison.OrdinalIgnoreCase);
                var trace = Trace(reply);
                Assert.True(trace.GetProperty("escalated").GetBoolean());
                Assert.Equal("asks_for_human", trace.GetProperty("reasons")[0].GetString());
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Greetings_and_thanks_are_answered_without_searching()
    {
        await new TestFlow(NewAdapter(), fixture.Bot)
            .Send("hello")
            .AssertReply(reply => Assert.Equal("greeting", Trace(reply).GetProperty("intent").GetString()))
            .Send("thanks!")
            .AssertReply(reply => Assert.Equal("thanks", Trace(reply).GetProperty("intent").GetString()))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_thumbs_up_on_the_answer_card_is_stored_against_that_answer()
    {
        var adapter = NewAdapter();
        string? answerId = null;
        JsonElement submitData = default;
        await new TestFlow(adapter, fixture.Bot)
            .Send("How do I reset my password?")
            .AssertReply(reply =>
            {
                answerId = reply.Id;
                var card = JsonSerializer.SerializeToElement(reply.Attachments![0].Content, BotJson.Options);
                submitData = card.GetProperty("actions").EnumerateArray()
                    .First(a => a.GetProperty("data").TryGetProperty("rating", out var r) && r.GetString() == "up")
                    .GetProperty("data").Clone();
            })
            .StartTestAsync();

        var submit = adapter.MakeActivity();
        submit.Value = submitData;
        await new TestFlow(adapter, fixture.Bot)
            .Send(submit)
            .AssertReply(reply => Assert.Contains("Thanks for the feedback", reply.Text, StringComparison.Ordinal))
            .StartTestAsync();

        var stored = await fixture.Database.CountAsync(
            "SELECT count(*) FROM feedback WHERE rating = 1 AND answer_activity_id = $1 AND question = $2 AND cardinality(chunk_ids) > 0",
            answerId!, "How do I reset my password?");
        Assert.Equal(1, stored);
    }

    [Fact]
    public async Task A_message_without_text_gets_a_polite_reply()
    {
        var adapter = NewAdapter();
        var empty = adapter.MakeActivity();
        empty.Text = null;
        await new TestFlow(adapter, fixture.Bot)
            .Send(empty)
            .AssertReplyContains("text messages")
            .StartTestAsync();
    }

    private static TestAdapter NewAdapter() =>
        new(TestAdapter.CreateConversation("convo-" + Guid.NewGuid().ToString("N")));

    private static JsonElement Trace(Activity reply)
    {
        var channelData = JsonSerializer.SerializeToElement(reply.ChannelData, BotJson.Options);
        return channelData.GetProperty("supportTrace");
    }
}
