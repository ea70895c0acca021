using System.Text.Json;
using Bot.Core;
using Bot.Core.Schema;
using Bot.Core.Testing;

namespace Bot.Tests.Core;

public sealed class EventFactoryTests
{
    [Fact]
    public void Handoff_initiation_carries_context_transcript_and_a_reference_to_the_conversation()
    {
        var adapter = new TestAdapter();
        var inbound = adapter.MakeActivity("talk to a person");
        var context = new TurnContext(adapter, inbound);
        var transcript = new Transcript([inbound]);

        var handoff = EventFactory.CreateHandoffInitiation(context, new { skill = "billing" }, transcript);

        Assert.Equal(ActivityTypes.Event, handoff.Type);
        Assert.Equal(HandoffEventNames.InitiateHandoff, handoff.Name);
        Assert.Equal(inbound.Id, handoff.ReplyToId);
        Assert.Equal("user1", handoff.From!.Id);
        Assert.Equal("convo1", handoff.Conversation!.Id);
        Assert.Equal(inbound.Id, handoff.RelatesTo!.ActivityId);
        Assert.Equal("billing", handoff.GetValue<JsonElement>().GetProperty("skill").GetString());
        var attachment = Assert.Single(handoff.Attachments!);
        Assert.Equal(("application/json", "Transcript"), (attachment.ContentType, attachment.Name));
        Assert.Same(transcript, attachment.Content);
    }

    [Fact]
    public void Handoff_status_value_is_state_and_message()
    {
        var conversation = new ConversationAccount(id: "c1");

        var accepted = EventFactory.CreateHandoffStatus(conversation, "accepted");
        var failed = EventFactory.CreateHandoffStatus(conversation, "failed", "no agents");

        Assert.Equal(HandoffEventNames.HandoffStatus, accepted.Name);
        Assert.Same(conversation, accepted.Conversation);
        Assert.Equal("""{"state":"accepted"}""", JsonSerializer.Serialize(accepted.Value, BotJson.Options));
        Assert.Equal("""{"state":"failed","message":"no agents"}""", JsonSerializer.Serialize(failed.Value, BotJson.Options));
        Assert.Throws<ArgumentException>(() => EventFactory.CreateHandoffStatus(conversation, " "));
    }
}
