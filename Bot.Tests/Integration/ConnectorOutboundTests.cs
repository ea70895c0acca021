using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Integration;

/// <summary>
/// What the bot sends back over the Bot Connector: retried on 429 and 5xx honouring Retry-After, replays not processed
/// twice, invokes answered in the HTTP response the way Teams expects, the welcome on install.
/// </summary>
public sealed class ConnectorOutboundTests(ConnectorFixture fixture) : IClassFixture<ConnectorFixture>
{
    private readonly HttpClient _http = fixture.Host.CreateClient();

    private FakeBotFramework Fake => fixture.Fake;

    [Fact]
    public async Task A_429_from_the_connector_is_retried_after_the_retry_after_delay()
    {
        var conversationId = TeamsActivities.NewConversationId();
        var activity = TeamsActivities.Message(Fake.ServiceUrl, conversationId, "How do I reset my password?");
        var path = $"/amer/v3/conversations/{conversationId}/activities/{activity["id"]}";
        Fake.FailNext(new ScriptedResponse(429, RetryAfter: "1"));

        using var response = await Send(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var delivered = await Fake.WaitForCallAsync(c => c.Path == path && c.Status == 200);
        var throttled = Assert.Single(Fake.ConnectorCalls, c => c.Path == path && c.Status == 429);
        Assert.Equal(throttled.Text, delivered.Text);
        Assert.InRange((delivered.ReceivedAt - throttled.ReceivedAt).TotalMilliseconds, 950, 10_000);
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM transcript_activities WHERE conversation_id = $1 AND from_id = $2", conversationId, TeamsActivities.BotId));
    }

    [Fact]
    public async Task Server_errors_from_the_connector_are_retried_with_backoff()
    {
        var conversationId = TeamsActivities.NewConversationId();
        var activity = TeamsActivities.Message(Fake.ServiceUrl, conversationId, "What payment methods do you accept?");
        var path = $"/amer/v3/conversations/{conversationId}/activities/{activity["id"]}";
        Fake.FailNext(new ScriptedResponse(503), new ScriptedResponse(500));

        using var response = await Send(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Fake.WaitForCallAsync(c => c.Path == path && c.Status == 200);
        var statuses = Fake.ConnectorCalls.Where(c => c.Path == path).Select(c => c.Status).ToList();
        Assert.Equal([503, 500, 200], statuses);
    }

    [Fact]
    public async Task An_activity_replayed_with_the_same_id_is_processed_once()
    {
        var conversationId = TeamsActivities.NewConversationId();
        var activity = TeamsActivities.Message(Fake.ServiceUrl, conversationId, "How do I cancel my subscription?");
        var path = $"/amer/v3/conversations/{conversationId}/activities/{activity["id"]}";

        using var first = await Send(activity);
        await Fake.WaitForCallAsync(c => c.Path == path && c.Status == 200);
        using var replay = await Send(activity);
        await Task.Delay(1000);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Single(Fake.ConnectorCalls, c => c.Path == path);
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM transcript_activities WHERE conversation_id = $1 AND activity_id = $2", conversationId, (string)activity["id"]!));
    }

    [Fact]
    public async Task The_bots_token_is_fetched_once_and_reused()
    {
        var before = Fake.TokenRequests.Count;
        foreach (var question in new[] { "How do I reset my password?", "How do I download invoices?" })
        {
            var conversationId = TeamsActivities.NewConversationId();
            var activity = TeamsActivities.Message(Fake.ServiceUrl, conversationId, question);
            using var response = await Send(activity);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await Fake.WaitForCallAsync(c => c.Path.StartsWith($"/amer/v3/conversations/{conversationId}/", StringComparison.Ordinal) && c.Status == 200);
        }

        Assert.InRange(Fake.TokenRequests.Count - before, 0, 1);
        Assert.All(Fake.ConnectorCalls, c => Assert.Equal("Bearer " + Fake.AccessToken, c.Authorization));
    }

    [Fact]
    public async Task An_adaptive_card_action_invoke_is_answered_with_the_invoke_response_teams_expects()
    {
        var conversationId = TeamsActivities.NewConversationId();
        var value = new
        {
            action = new { type = "Action.Execute", id = "thumbs-up", verb = "feedback", data = new { action = "feedback", rating = "up", answerKey = "missing" } },
            trigger = "manual",
        };
        var invoke = TeamsActivities.Invoke(Fake.ServiceUrl, conversationId, "adaptiveCard/action", value, replyToId: "1700000000000");

        using var response = await Send(invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.activity.message", body.GetProperty("type").GetString());
        Assert.Contains("Thanks", body.GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM feedback WHERE conversation_id = $1 AND rating = 1", conversationId));
    }

    [Fact]
    public async Task An_adaptive_card_action_the_bot_does_not_know_is_a_400_error_body()
    {
        var conversationId = TeamsActivities.NewConversationId();
        var value = new { action = new { type = "Action.Execute", verb = "launchRocket", data = new { rocket = "big" } }, trigger = "manual" };

        using var response = await Send(TeamsActivities.Invoke(Fake.ServiceUrl, conversationId, "adaptiveCard/action", value));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.error", body.GetProperty("type").GetString());
        Assert.Equal("BadRequest", body.GetProperty("value").GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_invoke_the_bot_does_not_handle_is_501()
    {
        var conversationId = TeamsActivities.NewConversationId();

        using var response = await Send(TeamsActivities.Invoke(Fake.ServiceUrl, conversationId, "composeExtension/query", new { commandId = "search" }));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task A_person_added_to_the_conversation_is_welcomed()
    {
        var conversationId = TeamsActivities.NewConversationId();
        var update = TeamsActivities.MembersAdded(Fake.ServiceUrl, conversationId);

        using var response = await Send(update);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var welcome = await Fake.WaitForCallAsync(c => c.Path.StartsWith($"/amer/v3/conversations/{conversationId}/activities", StringComparison.Ordinal));
        Assert.Equal("message", welcome.Body!.Value.GetProperty("type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(welcome.Text));
    }

    private Task<HttpResponseMessage> Send(object activity) =>
        TeamsActivities.PostAsync(_http, activity, Fake.Tokens.Create(FakeBotFramework.AppId, Fake.ServiceUrl));

    private Task<long> CountAsync(string sql, params object[] parameters) => fixture.Host.Database.CountAsync(sql, parameters);
}
