using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Bot.DirectLine;
using Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Integration;

/// <summary>
/// The channel's limits, each answered with problem details: the per-token rate limit (429 with Retry-After in
/// seconds), the most sockets a server holds (refused before the upgrade), one socket per conversation ("collision").
/// </summary>
public sealed class DirectLineLimitsTests : IClassFixture<DirectLineLimitsTests.Host>
{
    private readonly Host _host;
    private readonly HttpClient _http;

    public DirectLineLimitsTests(Host host)
    {
        _host = host;
        _http = host.CreateClient();
    }

    private DirectLineTestClient Client => new(_http);

    [Fact]
    public async Task A_token_over_its_rate_limit_gets_429_with_retry_after_in_seconds()
    {
        var conversation = await Client.StartAsync();
        for (var i = 0; i < Host.Burst; i++)
        {
            using var allowed = await Client.SendAsync(HttpMethod.Get, $"conversations/{conversation.Id}/activities", conversation.Token);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var throttled = await Client.SendAsync(HttpMethod.Get, $"conversations/{conversation.Id}/activities", conversation.Token);
        using var refresh = await Client.SendAsync(HttpMethod.Post, "tokens/refresh", conversation.Token);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        var retryAfter = throttled.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 1 / Host.PerSecond);
        Assert.Equal(0, retryAfter.Value.Milliseconds);
        await AssertProblem(throttled, HttpStatusCode.TooManyRequests, "Throttled");
        Assert.Equal(HttpStatusCode.TooManyRequests, refresh.StatusCode);
    }

    [Fact]
    public async Task The_rate_limit_is_per_token_and_never_applies_to_the_secret()
    {
        var busy = await Client.StartAsync();
        var quiet = await Client.StartAsync();
        for (var i = 0; i <= Host.Burst; i++)
        {
            using var _ = await Client.SendAsync(HttpMethod.Get, $"conversations/{busy.Id}/activities", busy.Token);
        }

        using var otherToken = await Client.SendAsync(HttpMethod.Get, $"conversations/{quiet.Id}/activities", quiet.Token);
        Assert.Equal(HttpStatusCode.OK, otherToken.StatusCode);
        for (var i = 0; i < Host.Burst * 2; i++)
        {
            using var secret = await Client.SendAsync(HttpMethod.Get, $"conversations/{busy.Id}/activities", BotHost.DirectLineSecret);
            Assert.Equal(HttpStatusCode.OK, secret.StatusCode);
        }
    }

    [Fact]
    public async Task A_new_socket_on_a_conversation_closes_the_older_one_with_reason_collision()
    {
        var conversation = await Client.StartAsync();
        await using var older = await StreamSocket.ConnectAsync(conversation.StreamUrl);
        await older.ReceiveAsync(TimeSpan.FromSeconds(10)); // the welcome

        await using var newer = await StreamSocket.ConnectAsync(await Client.StreamUrlAsync(conversation.Id, conversation.Token));
        await older.WaitForServerCloseAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, older.CloseStatus);
        Assert.Equal("collision", older.CloseDescription);
        using var post = await Client.SendMessageAsync(conversation.Id, conversation.Token, "How do I reset my password?");
        var echo = await newer.WaitForActivityAsync(a => a.GetProperty("type").GetString() == "message" && a.TryGetProperty("text", out var t) && t.GetString() == "How do I reset my password?", TimeSpan.FromSeconds(20));
        Assert.StartsWith(conversation.Id + "|", echo.GetProperty("id").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sockets_over_the_server_maximum_are_refused_with_a_problem_before_the_upgrade()
    {
        await WaitForOpenStreamsAsync(0);
        var first = await Client.StartAsync();
        var second = await Client.StartAsync();
        var third = await Client.StartAsync();
        await using (var a = await StreamSocket.ConnectAsync(first.StreamUrl))
        await using (var b = await StreamSocket.ConnectAsync(second.StreamUrl))
        {
            var refused = await Assert.ThrowsAsync<WebSocketException>(() => StreamSocket.ConnectAsync(third.StreamUrl));
            Assert.Equal(503, refused.Data["status"]);

            using var upgrade = new HttpRequestMessage(HttpMethod.Get, third.StreamUrl.Replace("ws://", "http://", StringComparison.Ordinal));
            upgrade.Headers.Connection.Add("Upgrade");
            upgrade.Headers.Upgrade.Add(new System.Net.Http.Headers.ProductHeaderValue("websocket"));
            upgrade.Headers.Add("Sec-WebSocket-Version", "13");
            upgrade.Headers.Add("Sec-WebSocket-Key", Convert.ToBase64String(Guid.NewGuid().ToByteArray()));
            using var response = await _http.SendAsync(upgrade);
            await AssertProblem(response, HttpStatusCode.ServiceUnavailable, "TooManySockets");
            Assert.NotNull(response.Headers.RetryAfter);

            // A conversation that already has a socket may replace it: that is not one more socket.
            await using var again = await StreamSocket.ConnectAsync(await Client.StreamUrlAsync(first.Id, first.Token));
            Assert.Equal(WebSocketState.Open, again.State);
        }
        await WaitForOpenStreamsAsync(0);

        await using var afterwards = await StreamSocket.ConnectAsync(await Client.StreamUrlAsync(third.Id, third.Token));
        Assert.Equal(WebSocketState.Open, afterwards.State);
    }

    private async Task WaitForOpenStreamsAsync(int expected)
    {
        var streams = _host.Services.GetRequiredService<ConversationStreams>();
        for (var i = 0; i < 100 && streams.OpenStreams != expected; i++)
        {
            await Task.Delay(50);
        }
        Assert.Equal(expected, streams.OpenStreams);
    }

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal(code, problem.GetProperty("error").GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("error").GetProperty("message").GetString()));
    }

    /// <summary>The host with small limits: a burst of 5 requests per token refilling one every 5 s, and 2 sockets.</summary>
    public sealed class Host : IAsyncLifetime
    {
        public const int Burst = 5;
        public const double PerSecond = 0.2;

        private readonly BotHost _host = new();

        public IServiceProvider Services => _host.Services;

        public HttpClient CreateClient() => _host.CreateClient();

        public Task InitializeAsync()
        {
            _host.Settings["DirectLine:RateLimitBurst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _host.Settings["DirectLine:RateLimitPerSecond"] = PerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _host.Settings["DirectLine:MaxOpenSockets"] = "2";
            return _host.InitializeAsync();
        }

        public Task DisposeAsync() => _host.DisposeAsync();
    }
}
