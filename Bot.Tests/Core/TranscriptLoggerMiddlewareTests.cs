using Bot.Core;
using Bot.Core.Schema;
using Bot.Core.Testing;

namespace Bot.Tests.Core;

public sealed class TranscriptLoggerMiddlewareTests
{
    [Fact]
    public async Task Logs_inbound_outbound_updates_and_deletes_in_order()
    {
        var logger = new RecordingTranscriptLogger();
        var adapter = new TestAdapter().Use(new TranscriptLoggerMiddleware(logger));

        await adapter.SendTextToBotAsync("hi", async (context, ct) =>
        {
            var sent = await context.SendActivityAsync("v1", cancellationToken: ct);
            await context.UpdateActivityAsync(new Activity(ActivityTypes.Message) { Id = sent.Id, Text = "v2" }, ct);
            await context.DeleteActivityAsync(sent.Id!, ct);
        });

        Assert.Equal(
            [(ActivityTypes.Message, "hi"), (ActivityTypes.Message, "v1"), (ActivityTypes.MessageUpdate, "v2"), (ActivityTypes.MessageDelete, null)],
            logger.Activities.Select(a => (a.Type, a.Text)));
        Assert.All(logger.Activities, a => Assert.False(string.IsNullOrEmpty(a.Id)));
        Assert.All(logger.Activities, a => Assert.NotNull(a.Timestamp));
        Assert.Equal(RoleTypes.User, logger.Activities[0].From!.Role);
        Assert.Equal("bot", logger.Activities[1].From!.Id);
    }

    [Fact]
    public async Task Logs_copies_so_later_changes_do_not_leak_into_the_transcript()
    {
        var logger = new RecordingTranscriptLogger();
        var adapter = new TestAdapter().Use(new TranscriptLoggerMiddleware(logger));
        var reply = MessageFactory.Text("original");

        await adapter.SendTextToBotAsync("hi", async (context, ct) =>
        {
            await context.SendActivityAsync(reply, ct);
            reply.Text = "changed";
        });

        Assert.Equal("original", logger.Activities[1].Text);
    }

    [Fact]
    public async Task Activities_without_an_id_get_a_generated_one()
    {
        var logger = new RecordingTranscriptLogger();
        var adapter = new TestAdapter().Use(new TranscriptLoggerMiddleware(logger));
        adapter.Use(new IdStrippingMiddleware());

        await adapter.SendTextToBotAsync("hi", (context, ct) => context.SendActivityAsync("reply", cancellationToken: ct));

        Assert.StartsWith("g_", logger.Activities[1].Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Continue_conversation_event_is_not_logged_and_logger_failures_do_not_fail_the_turn()
    {
        var logger = new RecordingTranscriptLogger { Fail = true };
        var adapter = new TestAdapter().Use(new TranscriptLoggerMiddleware(logger));

        await adapter.ContinueConversationAsync("bot", adapter.Conversation, (context, ct) => context.SendActivityAsync("proactive", cancellationToken: ct), default);

        Assert.Equal(["proactive"], logger.Attempted.Select(a => a.Text));
        Assert.Equal("proactive", adapter.GetNextReply()!.Text);
    }

    private sealed class RecordingTranscriptLogger : ITranscriptLogger
    {
        public bool Fail { get; init; }

        public List<Activity> Activities { get; } = [];

        public List<Activity> Attempted { get; } = [];

        public Task LogActivityAsync(Activity activity, CancellationToken cancellationToken = default)
        {
            Attempted.Add(activity);
            if (Fail)
            {
                throw new InvalidOperationException("store down");
            }

            Activities.Add(activity);
            return Task.CompletedTask;
        }
    }

    private sealed class IdStrippingMiddleware : IMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            turnContext.OnSendActivities(async (_, activities, nextSend) =>
            {
                var responses = await nextSend();
                activities.ForEach(a => a.Id = null);
                return responses;
            });
            return next(cancellationToken);
        }
    }
}
