using Bot.Core.Schema;

namespace Bot.Tests.Core;

public sealed class ConversationReferenceTests
{
    private static Activity Inbound(string channelId, string type = ActivityTypes.Message) => new(type)
    {
        Id = "in-1",
        ChannelId = channelId,
        ServiceUrl = "https://service/",
        Locale = "en-gb",
        From = new ChannelAccount("user", "User"),
        Recipient = new ChannelAccount("bot", "Bot"),
        Conversation = new ConversationAccount(id: "conv"),
    };

    [Fact]
    public void Reply_swaps_from_and_recipient_and_replies_to_the_inbound_id()
    {
        var reply = Inbound(Channels.Test).CreateReply("hi");

        Assert.Equal(ActivityTypes.Message, reply.Type);
        Assert.Equal("bot", reply.From!.Id);
        Assert.Equal("user", reply.Recipient!.Id);
        Assert.Equal("in-1", reply.ReplyToId);
        Assert.Equal("conv", reply.Conversation!.Id);
        Assert.Equal("https://service/", reply.ServiceUrl);
        Assert.Equal(Channels.Test, reply.ChannelId);
        Assert.Equal("en-gb", reply.Locale);
        Assert.Equal("hi", reply.Text);
    }

    [Fact]
    public void Outgoing_activity_is_addressed_from_the_bot_to_the_user()
    {
        var reference = Inbound(Channels.Msteams).GetConversationReference();

        var outgoing = new Activity(ActivityTypes.Message).ApplyConversationReference(reference);

        Assert.Equal("bot", outgoing.From!.Id);
        Assert.Equal("user", outgoing.Recipient!.Id);
        Assert.Equal("in-1", outgoing.ReplyToId);
        Assert.Equal(Channels.Msteams, outgoing.ChannelId);
        Assert.Equal("en-gb", outgoing.Locale);
    }

    [Fact]
    public void Incoming_application_sets_the_id_and_keeps_the_user_as_sender()
    {
        var reference = Inbound(Channels.Test).GetConversationReference();

        var incoming = new Activity(ActivityTypes.Message).ApplyConversationReference(reference, isIncoming: true);

        Assert.Equal("user", incoming.From!.Id);
        Assert.Equal("bot", incoming.Recipient!.Id);
        Assert.Equal("in-1", incoming.Id);
        Assert.Null(incoming.ReplyToId);
    }

    [Theory]
    [InlineData(Channels.Directline, null)]
    [InlineData(Channels.Webchat, null)]
    [InlineData(Channels.Msteams, "in-1")]
    public void Conversation_update_reference_omits_the_activity_id_on_direct_line_and_web_chat(string channelId, string? expected)
    {
        var reference = Inbound(channelId, ActivityTypes.ConversationUpdate).GetConversationReference();

        Assert.Equal(expected, reference.ActivityId);
    }

    [Fact]
    public void Continuation_activity_is_a_continue_conversation_event_from_the_user()
    {
        var reference = Inbound(Channels.Directline).GetConversationReference();

        var continuation = reference.GetContinuationActivity();

        Assert.Equal(ActivityTypes.Event, continuation.Type);
        Assert.Equal(ActivityEventNames.ContinueConversation, continuation.Name);
        Assert.Equal("user", continuation.From!.Id);
        Assert.Equal("bot", continuation.Recipient!.Id);
        Assert.Same(reference, continuation.RelatesTo);
        Assert.False(string.IsNullOrEmpty(continuation.Id));
    }
}
