using Bot.Core.Schema;
using Bot.Tests.Infrastructure;
using static Bot.Tests.Responses.TraceReader;

namespace Bot.Tests.Memory;

/// <summary>Memory across sessions: two (or three) Direct Line conversations of the same user id through the real host.</summary>
public sealed class ReturningUserTests(BotHost host) : IClassFixture<BotHost>
{
    private readonly HttpClient _http = host.CreateClient();

    [Fact]
    public async Task Returning_user_is_greeted_with_last_topic_and_asked_whether_it_was_solved()
    {
        var userId = DirectLineSession.NewUserId();
        var first = await DirectLineSession.StartAsync(_http, userId, "Anna Smith");
        var welcome = Assert.Single(await first.BotRepliesAsync());
        Assert.StartsWith("Hi Anna, I'm", welcome.Text, StringComparison.Ordinal);
        var answer = Assert.Single(await first.AskAsync("How can I change my password?"));
        Assert.Equal("kb", AnswerSource(answer));

        var second = await DirectLineSession.StartAsync(_http, userId, "Anna Smith");
        Assert.Equal(userId, second.UserId);
        Assert.NotEqual(first.ConversationId, second.ConversationId);
        var greeting = Assert.Single(await second.BotRepliesAsync());
        Assert.StartsWith("Welcome back, Anna! Last time (earlier today) you asked “How can I change my password?”", greeting.Text, StringComparison.Ordinal);
        Assert.Contains("“Reset your password”", greeting.Text, StringComparison.Ordinal);
        Assert.EndsWith("Is that solved now?", greeting.Text, StringComparison.Ordinal);
        Assert.Equal(["Yes, it's solved", "No, not yet"], greeting.SuggestedActions!.Actions.Select(a => a.Title));

        var sorry = Assert.Single(await second.AskAsync("No, not yet"));
        Assert.StartsWith("Sorry it's still not sorted.", sorry.Text, StringComparison.Ordinal);

        var third = await DirectLineSession.StartAsync(_http, userId, "Anna Smith");
        var again = Assert.Single(await third.BotRepliesAsync());
        Assert.Contains("it wasn't solved then. Is that solved now?", again.Text, StringComparison.Ordinal);
        var glad = Assert.Single(await third.AskAsync("yes"));
        Assert.StartsWith("Great, glad it's sorted!", glad.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_thumbs_up_last_time_is_remembered_as_solved()
    {
        var userId = DirectLineSession.NewUserId();
        var first = await DirectLineSession.StartAsync(_http, userId);
        await first.BotRepliesAsync();
        var answer = Assert.Single(await first.AskAsync("what are your support hours"));
        var thanks = Assert.Single(await first.AskAsync(null, SubmitData(answer, "up")));
        Assert.Contains("glad that helped", thanks.Text, StringComparison.Ordinal);

        var second = await DirectLineSession.StartAsync(_http, userId);
        var greeting = Assert.Single(await second.BotRepliesAsync());
        Assert.StartsWith("Welcome back! Last time (earlier today) you asked “what are your support hours”, and that was sorted.", greeting.Text, StringComparison.Ordinal);
        Assert.Null(greeting.SuggestedActions);

        var next = Assert.Single(await second.AskAsync("yes"));
        Assert.DoesNotContain("glad it's sorted", next.Text ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_answer_after_yes_or_no_is_handled_as_a_question()
    {
        var userId = DirectLineSession.NewUserId();
        var first = await DirectLineSession.StartAsync(_http, userId);
        await first.BotRepliesAsync();
        await first.AskAsync("How can I change my password?");

        var second = await DirectLineSession.StartAsync(_http, userId);
        await second.BotRepliesAsync();
        var reply = Assert.Single(await second.AskAsync("no, and how do I enable two-factor authentication?"));
        Assert.NotNull(reply.Attachments);
        Assert.Equal("kb", AnswerSource(reply));
    }

    [Fact]
    public async Task Someone_else_on_the_same_machine_is_a_new_user()
    {
        var first = await DirectLineSession.StartAsync(_http);
        await first.BotRepliesAsync();
        await first.AskAsync("How can I change my password?");

        var other = await DirectLineSession.StartAsync(_http);
        var welcome = Assert.Single(await other.BotRepliesAsync());
        Assert.StartsWith("Hi, I'm", welcome.Text, StringComparison.Ordinal);
    }

    private static object SubmitData(Activity answer, string rating)
    {
        var card = Card(answer);
        return card.GetProperty("actions").EnumerateArray()
            .First(a => a.GetProperty("data").TryGetProperty("rating", out var r) && r.GetString() == rating)
            .GetProperty("data").Clone();
    }
}
