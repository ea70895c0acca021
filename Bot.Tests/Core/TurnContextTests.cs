using Bot.Core;
using Bot.Core.Schema;
using Bot.Core.Testing;

namespace Bot.Tests.Core;

public sealed class TurnContextTests
{
    private readonly TestAdapter _adapter = new();

    [Fact]
    public async Task Sent_activities_are_addressed_from_the_inbound_conversation()
    {
        var context = new TurnContext(_adapter, _adapter.MakeActivity("hi"));

        await context.SendActivityAsync("hello");

        var reply = _adapter.GetNextReply()!;
        Assert.Equal("bot", reply.From!.Id);
        Assert.Equal("user1", reply.Recipient!.Id);
        Assert.Equal("convo1", reply.Conversation!.Id);
        Assert.Equal(Channels.Test, reply.ChannelId);
        Assert.Equal("https://test.com", reply.ServiceUrl);
        Assert.Equal(context.Activity.Id, reply.ReplyToId);
        Assert.Equal(InputHints.AcceptingInput, reply.InputHint);
    }

    [Fact]
    public async Task A_reply_to_id_set_by_the_caller_is_kept()
    {
        var context = new TurnContext(_adapter, _adapter.MakeActivity("hi"));

        await context.SendActivityAsync(new Activity(ActivityTypes.Message) { Text = "x", ReplyToId = "earlier" });

        Assert.Equal("earlier", _adapter.GetNextReply()!.ReplyToId);
    }

    [Fact]
    public async Task Responded_is_set_by_messages_but_not_by_trace_activities()
    {
        var context = new TurnContext(_adapter, _adapter.MakeActivity("hi"));

        await context.SendActivityAsync(Activity.CreateTraceActivity("debug"));
        Assert.False(context.Responded);

        await context.SendActivityAsync("hello");
        Assert.True(context.Responded);
    }

    [Fact]
    public async Task Send_hooks_run_in_registration_order_around_the_adapter()
    {
        var context = new TurnContext(_adapter, _adapter.MakeActivity("hi"));
        var log = new List<string>();
        context.OnSendActivities(async (_, activities, next) =>
        {
            log.Add("first:before");
            activities.Add(MessageFactory.Text("added by hook"));
            var responses = await next();
            log.Add("first:after");
            return responses;
        });
        context.OnSendActivities(async (_, activities, next) =>
        {
            log.Add($"second:{activities.Count}");
            return await next();
        });

        var responses = await context.SendActivitiesAsync([MessageFactory.Text("original")]);

        Assert.Equal(["first:before", "second:2", "first:after"], log);
        Assert.Equal(2, responses.Length);
        Assert.Equal("original", _adapter.GetNextReply()!.Text);
        Assert.Equal("added by hook", _adapter.GetNextReply()!.Text);
    }

    [Fact]
    public async Task A_send_hook_that_does_not_call_next_swallows_the_activity()
    {
        var context = new TurnContext(_adapter, _adapter.MakeActivity("hi"));
        context.OnSendActivities((_, _, _) => Task.FromResult(Array.Empty<ResourceResponse>()));

        var response = await context.SendActivityAsync("hidden");

        Assert.Null(response.Id);
        Assert.Null(_adapter.GetNextReply());
        Assert.False(context.Responded);
    }

    [Fact]
    public async Task Invoke_response_is_kept_in_turn_state_instead_of_sent()
    {
        var context = new TurnContext(_adapter, _adapter.MakeActivity());
        var invokeResponse = new InvokeResponse { Status = 200, Body = "ok" };

        var response = await context.SendActivityAsync(new Activity(ActivityTypes.InvokeResponse) { Value = invokeResponse });

        Assert.Equal(string.Empty, response.Id);
        Assert.Null(_adapter.GetNextReply());
        Assert.Same(invokeResponse, context.TurnState.Get<Activity>(BotAdapter.InvokeResponseKey)!.Value);
    }

    [Fact]
    public async Task Update_and_delete_run_their_hooks_and_reach_the_adapter()
    {
        var context = new TurnContext(_adapter, _adapter.MakeActivity("hi"));
        var log = new List<string>();
        context.OnUpdateActivity(async (_, activity, next) =>
        {
            log.Add($"update:{activity.Id}");
            return await next();
        });
        context.OnDeleteActivity(async (_, reference, next) =>
        {
            log.Add($"delete:{reference.ActivityId}");
            await next();
        });
        var sent = await context.SendActivityAsync("v1");

        await context.UpdateActivityAsync(new Activity(ActivityTypes.Message) { Id = sent.Id, Text = "v2" });
        await context.DeleteActivityAsync("other");

        Assert.Equal([$"update:{sent.Id}", "delete:other"], log);
        Assert.Equal("v2", _adapter.GetNextReply()!.Text);
        Assert.Equal("v2", Assert.Single(_adapter.UpdatedActivities).Text);
        Assert.Equal("other", Assert.Single(_adapter.DeletedActivities).ActivityId);
    }

    [Fact]
    public void Turn_state_is_keyed_by_type_name_or_explicit_key()
    {
        var state = new TurnContextStateCollection();
        var activity = new Activity();

        state.Add(activity);
        state.Set("custom", "value");

        Assert.Same(activity, state.Get<Activity>());
        Assert.Same(activity, state[typeof(Activity).FullName!]);
        Assert.Equal("value", state.Get<string>("custom"));
        Assert.Null(state.Get<Activity>("custom"));
        Assert.Throws<ArgumentException>(() => state.Add(new Activity()));
        state.Set<string>("custom", null);
        Assert.False(state.ContainsKey("custom"));
    }
}
