using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bot.Tests.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace Bot.Tests.Integration;

/// <summary>
/// <c>/api/messages</c> checks channel tokens as Azure Bot Service issues them, against OpenID metadata and signing keys
/// the test serves: a token wrong in any one way is a 401 and nothing is processed; a good one gets the bot's reply
/// to the channel's Connector with the bot's own client-credential token.
/// </summary>
public sealed class ConnectorAuthenticationTests(ConnectorFixture fixture) : IClassFixture<ConnectorFixture>
{
    private readonly HttpClient _http = fixture.Host.CreateClient();

    private FakeBotFramework Fake => fixture.Fake;

    [Theory]
    [InlineData("no token", "bearer token is required")]
    [InlineData("wrong issuer", "issuer is not trusted")]
    [InlineData("wrong audience", "issued for another bot")]
    [InlineData("expired", "has expired")]
    [InlineData("bad signature", "signature is not valid")]
    [InlineData("missing endorsement", "not endorsed for channel 'msteams'")]
    [InlineData("mismatched serviceUrl", "serviceurl claim does not match")]
    public async Task A_channel_token_wrong_in_one_way_is_401_and_nothing_is_processed(string flaw, string reason)
    {
        var conversationId = TeamsActivities.NewConversationId();
        var activity = TeamsActivities.Message(Fake.ServiceUrl, conversationId, "How do I reset my password?");
        var token = flaw switch
        {
            "no token" => null,
            "wrong issuer" => Fake.Tokens.Create(FakeBotFramework.AppId, Fake.ServiceUrl, change: d => d.Issuer = "https://login.evil.example/"),
            "wrong audience" => Fake.Tokens.Create("some-other-bot-app-id", Fake.ServiceUrl),
            "expired" => Fake.Tokens.Create(FakeBotFramework.AppId, Fake.ServiceUrl, change: Expired),
            "bad signature" => Fake.Tokens.Create(FakeBotFramework.AppId, Fake.ServiceUrl, Fake.Tokens.ImpostorKey),
            "missing endorsement" => Fake.Tokens.Create(FakeBotFramework.AppId, Fake.ServiceUrl, Fake.Tokens.WebChatOnlyKey),
            "mismatched serviceUrl" => Fake.Tokens.Create(FakeBotFramework.AppId, "https://smba.trafficmanager.net/emea/"),
            _ => throw new ArgumentOutOfRangeException(nameof(flaw)),
        };

        using var response = await TeamsActivities.PostAsync(_http, activity, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("error").GetProperty("code").GetString()));
        Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await fixture.Host.Database.CountAsync("SELECT count(*) FROM transcript_activities WHERE conversation_id = $1", conversationId));
        Assert.Equal(0, await fixture.Host.Database.CountAsync("SELECT count(*) FROM conversations WHERE id = $1", conversationId));
        Assert.Equal(0, await fixture.Host.Database.CountAsync("SELECT count(*) FROM conversation_references WHERE conversation_id = $1", conversationId));
        await Task.Delay(300);
        Assert.DoesNotContain(Fake.ConnectorCalls, call => call.Path.Contains(conversationId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_valid_channel_token_is_accepted_and_the_reply_reaches_the_connector_with_the_bots_token()
    {
        var conversationId = TeamsActivities.NewConversationId();
        var activity = TeamsActivities.Message(Fake.ServiceUrl, conversationId, "How do I reset my password?");
        var token = Fake.Tokens.Create(FakeBotFramework.AppId, Fake.ServiceUrl);

        using var response = await TeamsActivities.PostAsync(_http, activity, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var inboundId = (string)activity["id"]!;
        var reply = await Fake.WaitForCallAsync(c => c.Method == "POST" && c.Path == $"/amer/v3/conversations/{conversationId}/activities/{inboundId}");
        Assert.Equal(200, reply.Status);
        Assert.Equal("Bearer " + Fake.AccessToken, reply.Authorization);
        var body = reply.Body!.Value;
        Assert.Equal("message", body.GetProperty("type").GetString());
        Assert.Equal(inboundId, body.GetProperty("replyToId").GetString());
        Assert.Equal(TeamsActivities.BotId, body.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal(TeamsActivities.UserId, body.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal(conversationId, body.GetProperty("conversation").GetProperty("id").GetString());

        // The bot asked Azure AD (here: the fake) for its own token by client credentials, for the Bot Framework scope.
        var tokenRequest = Assert.Single(Fake.TokenRequests.Where(r => r["client_id"] == FakeBotFramework.AppId).Take(1));
        Assert.Equal("client_credentials", tokenRequest["grant_type"]);
        Assert.Equal("https://api.botframework.com/.default", tokenRequest["scope"]);
        Assert.Equal("botframework.com", tokenRequest["tenant"]);

        // Inbound message and reply are in the transcript; the conversation's reference is stored for proactive use.
        Assert.True(await fixture.Host.Database.CountAsync("SELECT count(*) FROM transcript_activities WHERE conversation_id = $1", conversationId) >= 2);
        Assert.Equal(1, await fixture.Host.Database.CountAsync("SELECT count(*) FROM conversation_references WHERE conversation_id = $1", conversationId));
    }

    private static void Expired(SecurityTokenDescriptor descriptor)
    {
        // Beyond the five minutes of clock skew Azure Bot Service allows.
        descriptor.NotBefore = DateTime.UtcNow.AddHours(-2);
        descriptor.IssuedAt = DateTime.UtcNow.AddHours(-2);
        descriptor.Expires = DateTime.UtcNow.AddHours(-1);
    }
}
