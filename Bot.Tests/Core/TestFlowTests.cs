using Bot.Core;
using Bot.Core.Schema;
using Bot.Core.Testing;

namespace Bot.Tests.Core;

public sealed class TestFlowTests
{
    [Fact]
    public async Task Passing_flow_completes()
    {
        await NewFlow()
            .Test("hi", "echo: hi")
            .Send("two")
            .AssertReplyContains("two")
            .AssertReplyOneOf(["nope", "echo: bye", "echo: two-2"])
            .AssertNoReply(timeout: 50)
            .StartTestAsync();
    }

    [Fact]
    public async Task Wrong_text_names_expected_and_received()
    {
        var error = await Assert.ThrowsAsync<TestFlowAssertionException>(() => NewFlow().Test("hi", "hello").StartTestAsync());

        Assert.Contains("expected text 'hello' but received 'echo: hi'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_type_names_both_types()
    {
        var flow = NewFlow().Send("hi").AssertReply(new Activity(ActivityTypes.Typing), "typing first");

        var error = await Assert.ThrowsAsync<TestFlowAssertionException>(() => flow.StartTestAsync());

        Assert.StartsWith("typing first: expected a reply of type 'typing' but received 'message'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_reply_times_out_with_the_description()
    {
        var flow = new TestFlow(new TestAdapter(), (_, _) => Task.CompletedTask).Send("hi").AssertReply("anything", "the greeting", timeout: 50);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => flow.StartTestAsync());

        Assert.Contains("'the greeting'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unexpected_reply_fails_assert_no_reply()
    {
        var error = await Assert.ThrowsAsync<TestFlowAssertionException>(() => NewFlow().Send("hi").AssertNoReply("quiet", 50).StartTestAsync());

        Assert.Contains("quiet: expected no reply but received a 'message' reply with text 'echo: hi'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contains_and_one_of_failures_show_the_received_text()
    {
        var contains = await Assert.ThrowsAsync<TestFlowAssertionException>(() => NewFlow().Send("hi").AssertReplyContains("bye").StartTestAsync());
        var oneOf = await Assert.ThrowsAsync<TestFlowAssertionException>(() => NewFlow().Send("hi").AssertReplyOneOf(["a", "b"]).StartTestAsync());

        Assert.Contains("containing 'bye' but received 'echo: hi'", contains.Message, StringComparison.Ordinal);
        Assert.Contains("one of ['a', 'b'] but received 'echo: hi'", oneOf.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validator_exceptions_fail_the_flow()
    {
        var flow = NewFlow().Send("hi").AssertReply(reply => Assert.Equal("x", reply.Text));

        await Assert.ThrowsAnyAsync<Exception>(() => flow.StartTestAsync());
    }

    [Fact]
    public async Task Flow_is_immutable_and_each_chain_runs_only_its_own_steps()
    {
        var turns = 0;
        var adapter = new TestAdapter();
        var start = new TestFlow(adapter, (context, ct) =>
        {
            turns++;
            return context.SendActivityAsync("ok", cancellationToken: ct);
        });

        var first = start.Test("one", "ok");
        _ = first.Test("two", "ok");
        await first.StartTestAsync();

        Assert.Equal(1, turns);
    }

    [Fact]
    public async Task Conversation_update_adds_the_test_user_from_the_test_conversation()
    {
        Activity? seen = null;
        var flow = new TestFlow(new TestAdapter(), (context, _) =>
        {
            seen = context.Activity;
            return Task.CompletedTask;
        });

        await flow.SendConversationUpdate().StartTestAsync();

        Assert.Equal(ActivityTypes.ConversationUpdate, seen!.Type);
        Assert.Equal("user1", Assert.Single(seen.MembersAdded!).Id);
        Assert.Equal("bot", seen.Recipient!.Id);
        Assert.Equal("convo1", seen.Conversation!.Id);
    }

    [Fact]
    public async Task Test_adapter_gives_replies_sequential_ids_and_timestamps()
    {
        var adapter = new TestAdapter();

        await adapter.SendTextToBotAsync("hi", async (context, ct) =>
        {
            await context.SendActivityAsync("a", cancellationToken: ct);
            await context.SendActivityAsync("b", cancellationToken: ct);
            await context.SendActivityAsync(Activity.CreateTraceActivity("dropped"), ct);
        });

        var first = adapter.GetNextReply()!;
        var second = adapter.GetNextReply()!;
        Assert.Equal(int.Parse(first.Id!, System.Globalization.CultureInfo.InvariantCulture) + 1, int.Parse(second.Id!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotNull(first.Timestamp);
        Assert.Null(adapter.GetNextReply());
    }

    private static TestFlow NewFlow()
    {
        return new TestFlow(new TestAdapter(), async (context, ct) =>
        {
            var text = context.Activity.Text ?? string.Empty;
            await context.SendActivityAsync($"echo: {text}", cancellationToken: ct);
            if (text == "two")
            {
                await context.SendActivityAsync("echo: two-2", cancellationToken: ct);
            }
        });
    }
}
