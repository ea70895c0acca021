using Bot.Core;
using Bot.Core.Schema;
using Bot.Core.Testing;

namespace Bot.Tests.Core;

public sealed class BotAdapterTests
{
    [Fact]
    public async Task Middleware_runs_in_order_around_the_bot()
    {
        var log = new List<string>();
        var adapter = new TestAdapter()
            .Use(new RecordingMiddleware("a", log))
            .Use(new RecordingMiddleware("b", log));

        await adapter.SendTextToBotAsync("hi", (_, _) =>
        {
            log.Add("bot");
            return Task.CompletedTask;
        });

        Assert.Equal(["a:before", "b:before", "bot", "b:after", "a:after"], log);
    }

    [Fact]
    public async Task Middleware_that_does_not_call_next_short_circuits_the_turn()
    {
        var log = new List<string>();
        var adapter = new TestAdapter()
            .Use(new RecordingMiddleware("a", log, callNext: false))
            .Use(new RecordingMiddleware("b", log));

        await adapter.SendTextToBotAsync("hi", (_, _) =>
        {
            log.Add("bot");
            return Task.CompletedTask;
        });

        Assert.Equal(["a:before", "a:after"], log);
    }

    [Fact]
    public async Task Exceptions_go_to_on_turn_error_when_set_and_are_rethrown_otherwise()
    {
        var adapter = new TestAdapter();
        static Task Failing(ITurnContext context, CancellationToken cancellationToken) => throw new InvalidOperationException("boom");

        await Assert.ThrowsAsync<InvalidOperationException>(() => adapter.SendTextToBotAsync("hi", Failing));

        Exception? seen = null;
        adapter.OnTurnError = async (context, exception) =>
        {
            seen = exception;
            await context.SendActivityAsync("Sorry, something went wrong.");
        };
        await adapter.SendTextToBotAsync("hi", Failing);

        Assert.Equal("boom", seen!.Message);
        Assert.Equal("Sorry, something went wrong.", adapter.GetNextReply()!.Text);
    }

    [Fact]
    public async Task Invoke_turn_returns_the_bots_invoke_response_or_501()
    {
        var adapter = new TestAdapter();
        var invoke = new Activity(ActivityTypes.Invoke) { Name = "custom" };

        var none = await adapter.ProcessActivityAsync(invoke, (_, _) => Task.CompletedTask);
        var answered = await adapter.ProcessActivityAsync(
            new Activity(ActivityTypes.Invoke) { Name = "custom" },
            (context, cancellationToken) => context.SendActivityAsync(
                new Activity(ActivityTypes.InvokeResponse) { Value = new InvokeResponse { Status = 200, Body = "done" } },
                cancellationToken));
        var message = await adapter.ProcessActivityAsync(new Activity(ActivityTypes.Message) { Text = "hi" }, (_, _) => Task.CompletedTask);

        Assert.Equal(501, none!.Status);
        Assert.Equal(200, answered!.Status);
        Assert.Equal("done", answered.Body);
        Assert.Null(message);
    }

    [Fact]
    public async Task Continue_conversation_runs_a_proactive_turn_into_the_referenced_conversation()
    {
        var adapter = new TestAdapter();
        var reference = TestAdapter.CreateConversation("proactive");
        Activity? seen = null;

        await adapter.ContinueConversationAsync("bot", reference, async (context, cancellationToken) =>
        {
            seen = context.Activity;
            await context.SendActivityAsync("ping", cancellationToken: cancellationToken);
        }, default);

        Assert.Equal(ActivityEventNames.ContinueConversation, seen!.Name);
        var reply = adapter.GetNextReply()!;
        Assert.Equal("proactive", reply.Conversation!.Id);
        Assert.Equal("user1", reply.Recipient!.Id);
    }

    private sealed class RecordingMiddleware(string name, List<string> log, bool callNext = true) : IMiddleware
    {
        public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            log.Add($"{name}:before");
            if (callNext)
            {
                await next(cancellationToken);
            }

            log.Add($"{name}:after");
        }
    }
}
