using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Bot.Dialogs.Handoffs;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Hub;

/// <summary>A Teams customer handed to a person: the hub reaches the chat through the Connector and the stored reference.</summary>
public sealed class TeamsHandoffTests(ConnectorFixture fixture) : IClassFixture<ConnectorFixture>
{
    private static readonly string[] AllGroups = ["technical", "billing", "general"];

    private readonly HttpClient _http = fixture.Host.CreateClient();

    private FakeBotFramework Fake => fixture.Fake;

    [Fact]
    public async Task A_person_talks_to_a_teams_customer_through_the_connector()
    {
        await AddAgentAsync("kim", "Kim Agent");
        await using var kim = await AgentClient.SignInAsync(fixture.Host.BaseAddress, "kim", HubHost.AgentPassword);
        var conversationId = TeamsActivities.NewConversationId();
        await PostAsync(TeamsActivities.Message(Fake.ServiceUrl, conversationId, "I want to talk to a human"));
        var id = await fixture.Host.Database.CountAsync("SELECT max(id) FROM handoffs WHERE conversation_id = $1 AND channel_id = 'msteams'", conversationId);
        await kim.TakeWhenQueuedAsync(id);
        await Fake.WaitForCallAsync(c => c.Path == $"/amer/v3/conversations/{conversationId}/activities" && c.Text == HumanMode.JoinedText("Kim Agent"));

        await PostAsync(TeamsActivities.Message(Fake.ServiceUrl, conversationId, "The export to CSV times out"));
        var message = await kim.WaitForAsync("customerMessage", a => a[0].GetInt64() == id);
        Assert.Equal("The export to CSV times out", message[1].GetProperty("text").GetString());

        await kim.InvokeAsync("Reply", id, "Thanks, I'm looking at your export now.");
        var reply = await Fake.WaitForCallAsync(c => c.Text == "Thanks, I'm looking at your export now.");
        Assert.Equal("Kim Agent", reply.Body!.Value.GetProperty("from").GetProperty("name").GetString());
        Assert.Equal("Kim Agent", reply.Body!.Value.GetProperty("channelData").GetProperty("agent").GetProperty("name").GetString());
        Assert.Equal(TeamsActivities.BotId, reply.Body!.Value.GetProperty("from").GetProperty("id").GetString());

        await kim.InvokeAsync("Resolve", id, null);
        var back = await Fake.WaitForCallAsync(c => c.Text == HumanMode.BackText);
        Assert.Equal("application/vnd.microsoft.card.adaptive", back.Body!.Value.GetProperty("attachments")[0].GetProperty("contentType").GetString());
        Assert.Equal(2, await fixture.Host.Database.CountAsync(
            "SELECT count(*) FROM transcript_activities WHERE conversation_id = $1 AND activity->>'name' = 'handoff.status'", conversationId));
    }

    private async Task AddAgentAsync(string username, string displayName)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/agents")
        {
            Content = JsonContent.Create(new { username, displayName, password = HubHost.AgentPassword, role = "agent", groups = AllGroups }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BotHost.AdminApiKey);
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private async Task PostAsync(object activity)
    {
        using var response = await TeamsActivities.PostAsync(_http, activity, Fake.Tokens.Create(FakeBotFramework.AppId, Fake.ServiceUrl));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
