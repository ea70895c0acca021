using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bot.Core.Schema;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Memory;

/// <summary>
/// One Direct Line conversation as the web page has it: a token from <c>/api/chat/token</c> for a user id (which the
/// page keeps in localStorage, so it is the same on every visit), the conversation started with it, messages posted
/// and the bot's new replies read back by watermark.
/// </summary>
public sealed class DirectLineSession
{
    private readonly HttpClient _http;
    private string? _watermark;

    private DirectLineSession(HttpClient http, string conversationId, string token, string userId)
    {
        _http = http;
        ConversationId = conversationId;
        Token = token;
        UserId = userId;
    }

    public string ConversationId { get; }

    public string Token { get; }

    public string UserId { get; }

    /// <summary>A user id in the form <c>/api/chat/token</c> accepts back.</summary>
    public static string NewUserId() => "dl_" + Guid.NewGuid().ToString("N");

    public static async Task<DirectLineSession> StartAsync(HttpClient http, string? userId = null, string? userName = null)
    {
        using var tokenResponse = await http.PostAsJsonAsync("api/chat/token", new { userId, userName });
        tokenResponse.EnsureSuccessStatusCode();
        var token = await tokenResponse.Content.ReadFromJsonAsync<JsonElement>();
        var session = new DirectLineSession(http, token.GetProperty("conversationId").GetString()!, token.GetProperty("token").GetString()!,
            token.GetProperty("userId").GetString()!);

        using var start = new HttpRequestMessage(HttpMethod.Post, DirectLineTestClient.Base + "conversations");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.Token);
        using var started = await http.SendAsync(start);
        started.EnsureSuccessStatusCode();
        return session;
    }

    /// <summary>Posts a message; returns the HTTP response (the turn has run when it returns).</summary>
    public async Task<HttpResponseMessage> SendAsync(string? text, object? value = null)
    {
        var body = JsonSerializer.Serialize(new { type = "message", from = new { id = UserId }, text, value });
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{DirectLineTestClient.Base}conversations/{ConversationId}/activities")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return await _http.SendAsync(request);
    }

    /// <summary>Sends a message that must be accepted and returns the bot's replies to it.</summary>
    public async Task<IReadOnlyList<Activity>> AskAsync(string? text, object? value = null)
    {
        using var response = await SendAsync(text, value);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await BotRepliesAsync();
    }

    /// <summary>The bot's activities since the last read.</summary>
    public async Task<IReadOnlyList<Activity>> BotRepliesAsync()
    {
        var url = $"{DirectLineTestClient.Base}conversations/{ConversationId}/activities" + (_watermark is null ? "" : $"?watermark={_watermark}");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var set = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (set.TryGetProperty("watermark", out var watermark) && watermark.ValueKind == JsonValueKind.String)
        {
            _watermark = watermark.GetString();
        }
        return set.GetProperty("activities").Deserialize<List<Activity>>(BotJson.Options)!
            .Where(a => a.From?.Id != UserId)
            .ToList();
    }
}
