using System.Text.Json;
using Bot.Core;
using Bot.Core.Schema;
using Bot.Core.Testing;
using Bot.Dialogs.Escalation;
using Bot.Dialogs.Handoffs;
using Bot.Tests.Routing;

namespace Bot.Tests.Hub;

/// <summary>The bot's side of a handoff as utterance → reply tables: what each handoff.status tells the customer.</summary>
public sealed class HumanModeTests(RoutingBotFixture fixture) : IClassFixture<RoutingBotFixture>
{
    [Fact]
    public async Task Accepted_tells_the_customer_who_joined_and_the_bot_stays_quiet()
    {
        var adapter = RoutingBot.NewAdapter();
        await new TestFlow(adapter, fixture.Bot.Bot)
            .Send("I want to talk to a human")
            .AssertReply(reply => Assert.Contains(HandoffService.NoticeText, reply.Text, StringComparison.Ordinal))
            .AssertReply(initiate => Assert.Equal(HandoffEventNames.InitiateHandoff, initiate.Name))
            .StartTestAsync();
        var id = await HandoffIdAsync(adapter);
        await fixture.Bot.Database.CountAsync("WITH t AS (UPDATE handoffs SET state = 'assigned', assigned_to = 'dana' WHERE id = $1 RETURNING 1) SELECT count(*) FROM t", id);

        await new TestFlow(adapter, fixture.Bot.Bot)
            .Send(Status(adapter, "accepted", id, null, "Dana Agent"))
            .AssertReply(HumanMode.JoinedText("Dana Agent"))
            .Send("How do I reset my password?")
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task Completed_after_a_resolve_brings_the_satisfaction_card_and_the_bot_back()
    {
        var adapter = RoutingBot.NewAdapter();
        await new TestFlow(adapter, fixture.Bot.Bot)
            .Send(Status(adapter, "completed", 42, "resolved", "Dana Agent"))
            .AssertReply(reply =>
            {
                Assert.Equal(HumanMode.BackText, reply.Text);
                var card = JsonSerializer.SerializeToElement(Assert.Single(reply.Attachments!).Content, BotJson.Options);
                Assert.Contains("Dana Agent", card.GetProperty("body")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
                Assert.Equal(5, card.GetProperty("actions").GetArrayLength());
                Assert.Equal("42", card.GetProperty("actions")[0].GetProperty("data").GetProperty("handoffId").GetString());
            })
            .Send(Status(adapter, "completed", 43, "released", "Dana Agent"))
            .AssertReply(reply => Assert.True(reply.Text == HumanMode.BackText && reply.Attachments is null or { Count: 0 }))
            .StartTestAsync();
    }

    [Fact]
    public async Task Failed_offers_to_take_a_message_and_no_thanks_declines()
    {
        var adapter = RoutingBot.NewAdapter();
        await new TestFlow(adapter, fixture.Bot.Bot)
            .Send(Status(adapter, "failed", 7, "timed_out", null))
            .AssertReply(HumanMode.TimedOutText)
            .Send("no thanks")
            .AssertReply(HumanMode.NoMessageText)
            .StartTestAsync();
    }

    [Fact]
    public async Task Unknown_events_and_states_are_ignored()
    {
        var adapter = RoutingBot.NewAdapter();
        var other = adapter.MakeActivity();
        other.Type = ActivityTypes.Event;
        other.Name = "something.else";
        await new TestFlow(adapter, fixture.Bot.Bot)
            .Send(other)
            .AssertNoReply()
            .Send(Status(adapter, "transferBack", 9, null, null))
            .AssertNoReply()
            .StartTestAsync();
    }

    private async Task<long> HandoffIdAsync(TestAdapter adapter) =>
        await fixture.Bot.Database.CountAsync("SELECT max(id) FROM handoffs WHERE conversation_id = $1", adapter.Conversation.Conversation!.Id!);

    private static Activity Status(TestAdapter adapter, string state, long handoffId, string? outcome, string? agent)
    {
        var activity = adapter.MakeActivity();
        activity.Type = ActivityTypes.Event;
        activity.Name = HandoffEventNames.HandoffStatus;
        activity.Value = new { state, message = (string?)null, handoffId, outcome, agent = agent is null ? null : new { name = agent } };
        return activity;
    }
}
