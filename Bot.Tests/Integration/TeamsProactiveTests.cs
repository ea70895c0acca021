using System.Net;
using System.Text.Json;
using Bot.Connector;
using Bot.Core;
using Bot.Core.Schema;
using Bot.Teams;
using Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Integration;

/// <summary>
/// Teams: every conversation's reference is stored from its inbound activities; the bot writes proactively into a
/// stored conversation, and posts (then updates) cards in the human agents' channel, against the fake Connector.
/// </summary>
public sealed class TeamsProactiveTests(ConnectorFixture fixture) : IClassFixture<ConnectorFixture>
{
    private const string TeamId = "19:team0123456789abcdef@thread.tacv2";

    private readonly HttpClient _http = fixture.Host.CreateClient();

    private FakeBotFramework Fake => fixture.Fake;

    [Fact]
    public async Task The_conversation_reference_is_stored_with_its_team_channel_and_tenant()
    {
        var conversationId = "19:general0123@thread.tacv2;messageid=1700000000123";
        var activity = TeamsActivities.Message(Fake.ServiceUrl, conversationId, "How do I invite team members?");
        activity["conversation"] = new { id = conversationId, conversationType = "channel", isGroup = true, tenantId = FakeBotFramework.TenantId };
        activity["channelData"] = new
        {
            tenant = new { id = FakeBotFramework.TenantId },
            team = new { id = TeamId, name = "Support" },
            channel = new { id = "19:general0123@thread.tacv2", name = "General" },
        };

        using var response = await TeamsActivities.PostAsync(_http, activity, Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await References.FindAsync(conversationId, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(Fake.ServiceUrl, stored.Reference.ServiceUrl);
        Assert.Equal("msteams", stored.Reference.ChannelId);
        Assert.Equal(TeamsActivities.BotId, stored.Reference.Bot?.Id);
        Assert.Equal(TeamsActivities.UserId, stored.Reference.User?.Id);
        Assert.Equal(FakeBotFramework.TenantId, stored.TenantId);
        Assert.Equal(TeamId, stored.TeamId);
        Assert.Equal("19:general0123@thread.tacv2", stored.TeamsChannelId);
        Assert.True(stored.Installed);
    }

    [Fact]
    public async Task A_proactive_message_goes_to_a_stored_conversation()
    {
        var conversationId = TeamsActivities.NewConversationId();
        using (var response = await TeamsActivities.PostAsync(_http, TeamsActivities.Message(Fake.ServiceUrl, conversationId, "hello"), Token()))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var stored = (await References.FindAsync(conversationId, CancellationToken.None))!;
        var adapter = fixture.Host.Services.GetRequiredService<ConnectorAdapter>();

        await adapter.ContinueConversationAsync(FakeBotFramework.AppId, stored.Reference, (turnContext, ct) =>
            turnContext.SendActivityAsync(MessageFactory.Text("Your ticket has been answered."), ct), CancellationToken.None);

        var call = await Fake.WaitForCallAsync(c => c.Text == "Your ticket has been answered.");
        Assert.Equal("POST", call.Method);
        Assert.StartsWith($"/amer/v3/conversations/{conversationId}/activities", call.Path, StringComparison.Ordinal);
        Assert.Equal("Bearer " + Fake.AccessToken, call.Authorization);
        Assert.Equal(TeamsActivities.UserId, call.Body!.Value.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal(1, await fixture.Host.Database.CountAsync(
            "SELECT count(*) FROM transcript_activities WHERE conversation_id = $1 AND activity->>'text' = 'Your ticket has been answered.'", conversationId));
    }

    [Fact]
    public async Task A_card_is_posted_into_the_agents_channel_and_updated_in_place()
    {
        // The service URL to post to is the one the tenant's Teams traffic last came from.
        using (var inbound = await TeamsActivities.PostAsync(_http, TeamsActivities.Message(Fake.ServiceUrl, TeamsActivities.NewConversationId(), "hi"), Token()))
        {
            Assert.Equal(HttpStatusCode.OK, inbound.StatusCode);
        }
        var channel = fixture.Host.Services.GetRequiredService<TeamsAgentChannel>();
        var queued = Card("Handoff: billing question", "Waiting for an agent");
        var assigned = Card("Handoff: billing question", "Taken by Grace");

        var post = await channel.PostCardAsync(queued, "A customer needs help", CancellationToken.None);
        await channel.UpdateCardAsync(post, assigned, CancellationToken.None);

        var create = await Fake.WaitForCallAsync(c => c.Method == "POST" && c.Path == "/amer/v3/conversations");
        var parameters = create.Body!.Value;
        Assert.True(parameters.GetProperty("isGroup").GetBoolean());
        Assert.Equal(ConnectorFixture.AgentChannelId, parameters.GetProperty("channelData").GetProperty("channel").GetProperty("id").GetString());
        Assert.Equal(FakeBotFramework.TenantId, parameters.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
        Assert.Equal(TeamsActivities.BotId, parameters.GetProperty("bot").GetProperty("id").GetString());
        var first = parameters.GetProperty("activity");
        Assert.Equal("message", first.GetProperty("type").GetString());
        Assert.Equal("Waiting for an agent", CardStatus(first));

        var update = await Fake.WaitForCallAsync(c => c.Method == "PUT");
        Assert.Equal(Fake.ServiceUrl, post.ServiceUrl);
        Assert.Equal($"/amer/v3/conversations/{post.ConversationId}/activities/{post.ActivityId}", update.Path);
        Assert.Equal(post.ActivityId, update.Body!.Value.GetProperty("id").GetString());
        Assert.Equal("Taken by Grace", CardStatus(update.Body.Value));
        Assert.Equal("Bearer " + Fake.AccessToken, update.Authorization);

        // The thread is a conversation of its own in the transcript, holding the card as it is now.
        var stored = await fixture.Host.Database.CountAsync(
            "SELECT count(*) FROM transcript_activities WHERE conversation_id = $1 AND activity_id = $2 AND activity::text LIKE '%Taken by Grace%'",
            post.ConversationId, post.ActivityId);
        Assert.Equal(1, stored);
    }

    private IConversationReferenceStore References => fixture.Host.Services.GetRequiredService<IConversationReferenceStore>();

    private string Token() => Fake.Tokens.Create(FakeBotFramework.AppId, Fake.ServiceUrl);

    private static Attachment Card(string title, string status) => new()
    {
        ContentType = "application/vnd.microsoft.card.adaptive",
        Content = new
        {
            type = "AdaptiveCard",
            version = "1.5",
            body = new object[]
            {
                new { type = "TextBlock", text = title, weight = "Bolder" },
                new { type = "TextBlock", text = status, id = "status" },
            },
        },
    };

    private static string? CardStatus(JsonElement activity) =>
        activity.GetProperty("attachments")[0].GetProperty("content").GetProperty("body")[1].GetProperty("text").GetString();
}
