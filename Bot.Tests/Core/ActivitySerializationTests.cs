using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Core.Schema;

namespace Bot.Tests.Core;

public sealed class ActivitySerializationTests
{
    private const string ChannelData = """{"clientActivityID":"1700000000000abc","nested":{"list":[1,2.50,true,null,"é <b> & +"]},"empty":{}}""";

    private const string WireActivity = $$"""
        {
          "type": "message",
          "id": "conv|0000001",
          "timestamp": "2024-05-01T10:00:00.0000000Z",
          "localTimestamp": "2024-05-01T12:00:00+02:00",
          "serviceUrl": "https://directline.example/",
          "channelId": "directline",
          "from": { "id": "dl_user", "name": "Ann", "role": "user", "futureFromField": { "x": 1 } },
          "conversation": { "id": "conv", "tenantId": "t1", "futureConversationField": [1, 2] },
          "recipient": { "id": "bot", "role": "bot" },
          "text": "hello",
          "attachments": [ { "contentType": "application/vnd.microsoft.card.adaptive", "content": { "type": "AdaptiveCard", "version": "1.5" }, "futureAttachmentField": "keep me" } ],
          "entities": [ { "type": "ClientCapabilities", "requiresBotState": true } ],
          "channelData": {{ChannelData}},
          "listenFor": [ "yes" ],
          "semanticAction": { "id": "a1", "state": "start" }
        }
        """;

    [Fact]
    public void Round_trip_keeps_unknown_top_level_and_nested_fields()
    {
        var activity = JsonSerializer.Deserialize<Activity>(WireActivity, BotJson.Options)!;
        var reserialized = JsonNode.Parse(JsonSerializer.Serialize(activity, BotJson.Options))!;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(WireActivity), reserialized), reserialized.ToJsonString(BotJson.Options));
        Assert.Equal("Ann", activity.From!.Name);
        Assert.True(activity.From.Properties!.ContainsKey("futureFromField"));
        Assert.True(activity.Conversation!.Properties!.ContainsKey("futureConversationField"));
        Assert.Equal("keep me", activity.Attachments![0].Properties!["futureAttachmentField"].GetString());
        Assert.True(activity.Properties!.ContainsKey("listenFor"));
        Assert.True(activity.Properties.ContainsKey("semanticAction"));
    }

    [Fact]
    public void Channel_data_is_written_back_byte_for_byte()
    {
        var activity = JsonSerializer.Deserialize<Activity>(WireActivity, BotJson.Options)!;

        var json = JsonSerializer.Serialize(activity, BotJson.Options);

        Assert.Contains($"\"channelData\":{ChannelData}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Utc_timestamp_with_z_is_read_as_the_same_instant()
    {
        var activity = JsonSerializer.Deserialize<Activity>("""{"type":"message","timestamp":"2024-05-01T10:00:00Z"}""", BotJson.Options)!;

        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero), activity.Timestamp);
        Assert.Equal(TimeSpan.Zero, activity.Timestamp!.Value.Offset);
    }

    [Fact]
    public void Nulls_are_omitted_and_names_are_camel_case()
    {
        var activity = new Activity(ActivityTypes.Message)
        {
            Text = "hi",
            ReplyToId = "7",
            From = new ChannelAccount("u1", role: RoleTypes.User),
            Conversation = new ConversationAccount(isGroup: false, id: "c1"),
        };

        var json = JsonSerializer.Serialize(activity, BotJson.Options);

        Assert.Equal("""{"type":"message","from":{"id":"u1","role":"user"},"conversation":{"isGroup":false,"id":"c1"},"text":"hi","replyToId":"7"}""", json);
    }

    [Fact]
    public void Empty_attachment_and_entity_lists_are_omitted()
    {
        var json = JsonSerializer.Serialize(new Activity(ActivityTypes.Message) { Attachments = [], Entities = [] }, BotJson.Options);

        Assert.Equal("""{"type":"message"}""", json);
    }

    [Fact]
    public void Property_names_are_read_case_insensitively()
    {
        var activity = JsonSerializer.Deserialize<Activity>("""{"Type":"message","TEXT":"hi","From":{"ID":"u1"},"ReplyToID":"9"}""", BotJson.Options)!;

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("hi", activity.Text);
        Assert.Equal("u1", activity.From!.Id);
        Assert.Equal("9", activity.ReplyToId);
        Assert.Null(activity.Properties);
    }

    [Fact]
    public void Object_values_read_from_json_convert_to_typed_objects()
    {
        var activity = JsonSerializer.Deserialize<Activity>(
            """{"type":"invoke","value":{"action":{"type":"Action.Execute","verb":"rate","data":{"stars":4}}},"channelData":{"tenant":{"id":"t1"}}}""",
            BotJson.Options)!;

        Assert.IsType<JsonElement>(activity.Value);
        var value = activity.GetValue<AdaptiveCardInvokeValue>()!;
        Assert.Equal("rate", value.Action!.Verb);
        Assert.True(activity.TryGetChannelData<JsonObject>(out var channelData));
        Assert.Equal("t1", (string?)channelData!["tenant"]!["id"]);
        Assert.False(new Activity().TryGetChannelData<JsonObject>(out _));
    }

    [Fact]
    public void Typed_value_passes_through_get_value()
    {
        var invokeValue = new AdaptiveCardInvokeValue();
        var activity = new Activity(ActivityTypes.Invoke) { Value = invokeValue };

        Assert.Same(invokeValue, activity.GetValue<AdaptiveCardInvokeValue>());
    }

    [Fact]
    public void Clone_is_a_deep_copy()
    {
        var original = JsonSerializer.Deserialize<Activity>(WireActivity, BotJson.Options)!;

        var clone = original.Clone();
        clone.From!.Name = "changed";
        clone.Attachments!.Clear();

        Assert.Equal("Ann", original.From!.Name);
        Assert.Single(original.Attachments!);
        Assert.Equal(JsonSerializer.Serialize(original, BotJson.Options), JsonSerializer.Serialize(original.Clone(), BotJson.Options));
    }

    [Fact]
    public void Entity_reads_its_peer_fields_as_a_typed_object()
    {
        var activity = JsonSerializer.Deserialize<Activity>(WireActivity, BotJson.Options)!;

        var capabilities = activity.Entities![0].GetAs<JsonObject>()!;

        Assert.Equal("ClientCapabilities", (string?)capabilities["type"]);
        Assert.True((bool)capabilities["requiresBotState"]!);
    }
}
