using System.Text.Json;
using Bot.Core.Schema;
using Bot.Core.Testing;
using Bot.Dialogs.Escalation;
using Bot.Tests.Routing;

namespace Bot.Tests.Escalation;

/// <summary>The Escalation agent as utterance → reasons tables, with the handoff record and the handoff.initiate event.</summary>
public sealed class EscalationDialogTests(RoutingBotFixture fixture) : IClassFixture<RoutingBotFixture>
{
    public static TheoryData<string, string> Signals => new()
    {
        { "I want to talk to a human", EscalationReasons.AsksForHuman },
        { "can I speak to someone in billing please", EscalationReasons.AsksForHuman },
        { "this is the worst support I've ever had, completely unacceptable", EscalationReasons.Complaint },
        { "how do I make a formal complaint?", EscalationReasons.Complaint },
        { "you stupid bot, this is useless", EscalationReasons.AbusiveLanguage },
        { "if this isn't fixed by friday I'm going to sue you", EscalationReasons.LegalLanguage },
        { "someone hacked my account and changed my email address", EscalationReasons.AccountTakeover },
        { "there's a charge on my card I never authorised", EscalationReasons.PaymentDispute },
        { "I'm going to file a chargeback with my bank", EscalationReasons.PaymentDispute },
        { "delete all my personal data now", EscalationReasons.DataDeletion },
        { "I want to exercise my right to be forgotten", EscalationReasons.DataDeletion },
    };

    [Theory]
    [MemberData(nameof(Signals))]
    public async Task A_signal_hands_the_conversation_to_a_person(string message, string reason)
    {
        var adapter = RoutingBot.NewAdapter();
        await new TestFlow(adapter, fixture.Bot.Bot)
            .Send(message)
            .AssertReply(reply =>
            {
                Assert.Contains(HandoffService.NoticeText, reply.Text, StringComparison.Ordinal);
                var trace = RoutingBot.Trace(reply);
                Assert.True(trace.GetProperty("escalated").GetBoolean());
                Assert.Contains(reason, RoutingBot.Reasons(reply));
                Assert.Equal("none", trace.GetProperty("answerSource").GetString());
            })
            .AssertReply(handoff =>
            {
                Assert.Equal(ActivityTypes.Event, handoff.Type);
                Assert.Equal(HandoffEventNames.InitiateHandoff, handoff.Name);
                var transcript = JsonSerializer.SerializeToElement(Assert.Single(handoff.Attachments!).Content, BotJson.Options);
                Assert.Contains(transcript.GetProperty("activities").EnumerateArray(), a => a.GetProperty("text").GetString() == message);
                var context = JsonSerializer.SerializeToElement(handoff.Value, BotJson.Options);
                Assert.Contains(reason, context.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
            })
            .StartTestAsync();

        var conversation = adapter.Conversation.Conversation!.Id!;
        Assert.Equal(1, await fixture.Bot.Database.CountAsync(
            "SELECT count(*) FROM handoffs WHERE conversation_id = $1 AND state = 'queued' AND $2 = ANY(reasons) AND jsonb_array_length(transcript) > 0 AND summary <> ''",
            conversation, reason));
    }

    [Theory]
    [InlineData("how do I delete my account")]
    [InlineData("one of my team members can't log in")]
    [InlineData("can someone explain the difference between the team and business plans")]
    [InlineData("my card was declined when renewing")]
    [InlineData("how do I turn on two factor authentication")]
    public async Task Everyday_questions_are_answered_not_escalated(string message)
    {
        await new TestFlow(RoutingBot.NewAdapter(), fixture.Bot.Bot)
            .Send(message)
            .AssertReply(reply =>
            {
                var trace = RoutingBot.Trace(reply);
                Assert.False(trace.GetProperty("escalated").GetBoolean());
                Assert.Equal("kb", trace.GetProperty("answerSource").GetString());
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task The_same_question_again_after_an_answer_escalates()
    {
        await new TestFlow(RoutingBot.NewAdapter(), fixture.Bot.Bot)
            .Send("where can I download our invoices")
            .AssertReply(reply => Assert.Equal("kb", RoutingBot.Trace(reply).GetProperty("answerSource").GetString()))
            .Send("where do I download the invoices??")
            .AssertReply(reply => Assert.Equal([EscalationReasons.RepeatedQuestion], RoutingBot.Reasons(reply)))
            .StartTestAsync();
    }

    [Fact]
    public async Task Two_thumbs_down_in_a_conversation_escalate()
    {
        var adapter = RoutingBot.NewAdapter();
        await RateDownAsync(adapter, "How do I reset my password?");
        await RateDownAsync(adapter, "what are the rate limits of the api");
        // The second thumbs-down may hand off at once (the Feedback agent can ask the Escalation agent); at the latest the
        // next message does.
        await new TestFlow(adapter, fixture.Bot.Bot)
            .Send("how do I add a VAT ID to my invoices")
            .AssertReply(reply => Assert.Equal(ActivityTypes.Message, reply.Type))
            .StartTestAsync();
        Assert.Equal(1, await fixture.Bot.Database.CountAsync(
            "SELECT count(*) FROM handoffs WHERE conversation_id = $1 AND $2 = ANY(reasons)",
            adapter.Conversation.Conversation!.Id!, EscalationReasons.NegativeFeedback));
    }

    [Fact]
    public async Task One_thumbs_down_does_not_escalate()
    {
        var adapter = RoutingBot.NewAdapter();
        await RateDownAsync(adapter, "How do I reset my password?");
        await new TestFlow(adapter, fixture.Bot.Bot)
            .Send("how do I add a VAT ID to my invoices")
            .AssertReply(reply => Assert.False(RoutingBot.Trace(reply).GetProperty("escalated").GetBoolean()))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_conversation_already_handed_off_gets_no_second_handoff()
    {
        var adapter = RoutingBot.NewAdapter();
        await new TestFlow(adapter, fixture.Bot.Bot)
            .Send("I want to talk to a human")
            .AssertReply(reply => Assert.Contains(HandoffService.NoticeText, reply.Text, StringComparison.Ordinal))
            .AssertReply(handoff => Assert.Equal(ActivityTypes.Event, handoff.Type))
            .Send("hello? I still need a person")
            .AssertReply(reply => Assert.Equal(HandoffService.AlreadyQueuedText, reply.Text))
            .StartTestAsync();
        Assert.Equal(1, await fixture.Bot.Database.CountAsync(
            "SELECT count(*) FROM handoffs WHERE conversation_id = $1", adapter.Conversation.Conversation!.Id!));
    }

    [Fact]
    public async Task Talk_to_a_person_on_the_answer_card_hands_off()
    {
        var adapter = RoutingBot.NewAdapter();
        JsonElement handoff = default;
        await new TestFlow(adapter, fixture.Bot.Bot)
            .Send("How do I reset my password?")
            .AssertReply(reply => handoff = CardAction(reply, "handoff"))
            .StartTestAsync();
        var submit = adapter.MakeActivity();
        submit.Value = handoff;
        await new TestFlow(adapter, fixture.Bot.Bot)
            .Send(submit)
            .AssertReply(reply => Assert.Contains(EscalationReasons.CardRequest, RoutingBot.Reasons(reply)))
            .StartTestAsync();
    }

    private async Task RateDownAsync(TestAdapter adapter, string question)
    {
        JsonElement down = default;
        await new TestFlow(adapter, fixture.Bot.Bot)
            .Send(question)
            .AssertReply(reply => down = CardRating(reply, "down"))
            .StartTestAsync();
        var submit = adapter.MakeActivity();
        submit.Value = down;
        await new TestFlow(adapter, fixture.Bot.Bot)
            .Send(submit)
            .AssertReply(reply => Assert.Equal(ActivityTypes.Message, reply.Type))
            .StartTestAsync();
        while (adapter.GetNextReply() is not null)
        {
        }
    }

    private static JsonElement CardRating(Activity reply, string rating) => Actions(reply)
        .First(data => data.TryGetProperty("rating", out var r) && r.GetString() == rating);

    private static JsonElement CardAction(Activity reply, string action) => Actions(reply)
        .First(data => data.TryGetProperty("action", out var a) && a.GetString() == action);

    private static IEnumerable<JsonElement> Actions(Activity reply)
    {
        var card = JsonSerializer.SerializeToElement(Assert.Single(reply.Attachments!).Content, BotJson.Options);
        return Find(card).Select(d => d.Clone()).ToList();

        static IEnumerable<JsonElement> Find(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                if (element.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object && data.TryGetProperty("action", out _))
                {
                    yield return data;
                }
                foreach (var property in element.EnumerateObject())
                {
                    foreach (var found in Find(property.Value))
                    {
                        yield return found;
                    }
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var found in Find(item))
                    {
                        yield return found;
                    }
                }
            }
        }
    }
}
