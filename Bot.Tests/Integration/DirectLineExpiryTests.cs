using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Integration;

/// <summary>
/// Idle conversations expire (here after 2 s): their socket is closed cleanly, every call on them is 404 from then on
/// (DirectLineJS reads that as "conversation ended"), and their data stays, marked expired, for analytics.
/// </summary>
public sealed class DirectLineExpiryTests : IClassFixture<DirectLineExpiryTests.Host>
{
    private readonly Host _host;
    private readonly HttpClient _http;

    public DirectLineExpiryTests(Host host)
    {
        _host = host;
        _http = host.CreateClient();
    }

    private DirectLineTestClient Client => new(_http);

    [Fact]
    public async Task An_idle_conversation_expires_its_socket_closes_cleanly_and_it_answers_404_from_then_on()
    {
        var conversation = await Client.StartAsync();
        await using var socket = await StreamSocket.ConnectAsync(conversation.StreamUrl);

        await socket.WaitForServerCloseAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
        Assert.Equal("Conversation expired", socket.CloseDescription);
        var path = $"conversations/{conversation.Id}";
        using var reconnect = await Client.SendAsync(HttpMethod.Get, path + "?watermark=", conversation.Token);
        using var read = await Client.SendAsync(HttpMethod.Get, path + "/activities", conversation.Token);
        using var post = await Client.SendMessageAsync(conversation.Id, conversation.Token, "hello again");
        using var refresh = await Client.SendAsync(HttpMethod.Post, "tokens/refresh", conversation.Token);
        using var start = await Client.SendAsync(HttpMethod.Post, "conversations", conversation.Token);
        using var withSecret = await Client.SendAsync(HttpMethod.Get, path + "/activities", BotHost.DirectLineSecret);
        foreach (var response in new[] { reconnect, read, post, refresh, start, withSecret })
        {
            await AssertNotFound(response);
        }
        await Assert.ThrowsAsync<WebSocketException>(() => StreamSocket.ConnectAsync(conversation.StreamUrl));

        var database = _host.Database;
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM conversations WHERE id = $1 AND expired_at IS NOT NULL", conversation.Id));
        Assert.True(await database.CountAsync("SELECT count(*) FROM transcript_activities WHERE conversation_id = $1", conversation.Id) >= 1);
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM transcript_activities WHERE conversation_id = $1 AND activity->>'text' = 'hello again'", conversation.Id));
    }

    [Fact]
    public async Task A_conversation_in_use_does_not_expire()
    {
        var conversation = await Client.StartAsync();

        for (var i = 0; i < 5; i++)
        {
            using var post = await Client.SendMessageAsync(conversation.Id, conversation.Token, $"still here {i}");
            Assert.Equal(HttpStatusCode.OK, post.StatusCode);
            await Task.Delay(800);
        }

        Assert.Equal(0, await _host.Database.CountAsync("SELECT count(*) FROM conversations WHERE id = $1 AND expired_at IS NOT NULL", conversation.Id));
    }

    private static async Task AssertNotFound(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("expired", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>The host with conversations expiring after 2 s idle, looked for every 200 ms.</summary>
    public sealed class Host : IAsyncLifetime
    {
        private readonly BotHost _host = new();

        public TestDatabase Database => _host.Database;

        public HttpClient CreateClient() => _host.CreateClient();

        public Task InitializeAsync()
        {
            _host.Settings["DirectLine:ConversationIdleTimeout"] = "00:00:02";
            _host.Settings["DirectLine:ExpirySweepInterval"] = "00:00:00.200";
            return _host.InitializeAsync();
        }

        public Task DisposeAsync() => _host.DisposeAsync();
    }
}
