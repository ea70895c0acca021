using Bot.Core.Schema;
using Bot.Core.Testing;
using Bot.Dialogs.Agents;
using Bot.Knowledge.Turns;
using Microsoft.Extensions.DependencyInjection;
using static Bot.Tests.Responses.TraceReader;

namespace Bot.Tests.Responses;

/// <summary>The Response agent without a language model, as utterance → reply tables.</summary>
public sealed class ResponseDialogTests(ResponseBotFixture fixture) : IClassFixture<ResponseBotFixture>
{
    public static TheoryData<string, string, string> Questions => new()
    {
        // question, a phrase the trimmed answer must hold, the source title
        { "How do I reset my password?", "password", "password" },
        { "can i get a refund on my annual plan", "refund", "refund" },
        { "what are your support hours", "support", "hours" },
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task A_question_gets_the_trimmed_passage_with_its_source_and_link(string question, string phrase, string title)
    {
        await new TestFlow(NewAdapter(), fixture.Services.Bot)
            .Send(question)
            .AssertReply(reply =>
            {
                Assert.Equal("kb", AnswerSource(reply));
                var text = CardText(reply);
                Assert.Contains(phrase, text, StringComparison.OrdinalIgnoreCase);
                Assert.True(text.Length <= 1400, $"{text.Length} characters");
                var card = Card(reply);
                var sources = card.GetProperty("body").EnumerateArray()
                    .Select(b => b.TryGetProperty("text", out var t) ? t.GetString() : null)
                    .Where(t => t is not null && t.StartsWith('[') && t.Contains("](https://help.northwind.example/", StringComparison.Ordinal))
                    .ToList();
                Assert.Contains(sources, s => s!.Contains(title, StringComparison.OrdinalIgnoreCase));
                Assert.StartsWith(reply.Summary!.TrimEnd('…'), text, StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task A_known_user_is_greeted_by_name_in_the_first_answer_only()
    {
        var adapter = NewAdapter(user: "Anna Smith");
        await new TestFlow(adapter, fixture.Services.Bot)
            .Send("hello")
            .AssertReply(reply => Assert.Equal("Hello, Anna! What can I help you with today?", reply.Text))
            .Send("How do I reset my password?")
            .AssertReply(reply => Assert.StartsWith("Anna, here's what I found:", CardText(reply), StringComparison.Ordinal))
            .Send("what are your support hours")
            .AssertReply(reply => Assert.DoesNotContain("Anna", CardText(reply), StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_name_the_user_gives_is_remembered()
    {
        await new TestFlow(NewAdapter(), fixture.Services.Bot)
            .Send("hi, my name is maria")
            .AssertReply(_ => { })
            .Send("hello")
            .AssertReply(reply => Assert.Equal("Hello, Maria! What can I help you with today?", reply.Text))
            .StartTestAsync();
    }

    [Theory]
    [InlineData("sms")]
    [InlineData("email")]
    [InlineData("a-channel-we-do-not-know")]
    public async Task Channels_without_cards_get_the_answer_as_text(string channelId)
    {
        await new TestFlow(NewAdapter(channelId), fixture.Services.Bot)
            .Send("How do I reset my password?")
            .AssertReply(reply =>
            {
                Assert.True(reply.Attachments is null || reply.Attachments.Count == 0);
                Assert.Contains("password", reply.Text, StringComparison.Ordinal);
                Assert.Contains("Source", reply.Text, StringComparison.Ordinal);
                Assert.Contains("(https://help.northwind.example/articles/", reply.Text, StringComparison.Ordinal);
                Assert.Equal("kb", AnswerSource(reply));
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Teams_gets_the_card_with_execute_actions()
    {
        await new TestFlow(NewAdapter("msteams"), fixture.Services.Bot)
            .Send("How do I reset my password?")
            .AssertReply(reply =>
            {
                var actions = Card(reply).GetProperty("actions");
                Assert.All(actions.EnumerateArray().Where(a => a.GetProperty("type").GetString() != "Action.ShowCard"), action =>
                {
                    Assert.Equal("Action.Execute", action.GetProperty("type").GetString());
                    Assert.Equal("Action.Submit", action.GetProperty("fallback").GetProperty("type").GetString());
                });
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Every_reply_is_recorded_as_a_turn_with_its_activity_id()
    {
        var adapter = NewAdapter();
        string? answerId = null;
        await new TestFlow(adapter, fixture.Services.Bot)
            .Send("How do I reset my password?")
            .AssertReply(reply => answerId = reply.Id)
            .StartTestAsync();

        var turns = await fixture.Services.Services.GetRequiredService<ITurnStore>()
            .ForConversationAsync(adapter.Conversation.Conversation!.Id!, CancellationToken.None);
        var turn = Assert.Single(turns);
        Assert.Equal(answerId, turn.ReplyActivityId);
        Assert.Equal("kb", turn.AnswerSource);
        Assert.Equal("question", turn.Intent);
        Assert.NotEmpty(turn.SourceIds);
        Assert.Equal(adapter.Conversation.User!.Id, turn.UserId);
        Assert.False(turn.Escalated);
    }

    [Fact]
    public async Task The_last_topic_is_kept_for_follow_ups()
    {
        var adapter = NewAdapter();
        await new TestFlow(adapter, fixture.Services.Bot)
            .Send("How can I change my password?")
            .AssertReply(_ => { })
            .StartTestAsync();

        var storage = fixture.Services.Services.GetRequiredService<Bot.Core.IStorage>();
        var key = $"test/conversations/{adapter.Conversation.Conversation!.Id}";
        var items = await storage.ReadAsync([key]);
        var document = System.Text.Json.JsonSerializer.SerializeToElement(items[key], BotJson.Options);
        var topic = document.GetProperty("support").GetProperty("lastTopic");
        Assert.Equal("How can I change my password?", topic.GetProperty("question").GetString());
        Assert.Equal("Reset your password", topic.GetProperty("title").GetString());
        Assert.Equal("kb", topic.GetProperty("answerSource").GetString());
    }

    /// <summary>A new conversation with a new user (user state is per user id, so tests must not share one).</summary>
    private static TestAdapter NewAdapter(string channelId = "test", string user = "User1")
    {
        var reference = TestAdapter.CreateConversation("convo-" + Guid.NewGuid().ToString("N"), user);
        reference.ChannelId = channelId;
        reference.User = new ChannelAccount("user-" + Guid.NewGuid().ToString("N"), user);
        return new TestAdapter(reference);
    }
}
