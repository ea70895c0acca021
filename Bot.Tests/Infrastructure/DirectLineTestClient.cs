using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bot.Core.Schema;

namespace Bot.Tests.Infrastructure;

/// <summary>Plain HTTP calls to the Direct Line API, for tests that check status codes and stored data.</summary>
public sealed class DirectLineTestClient(HttpClient http)
{
    public const string Base = "v3/directline/";

    public async Task<StartedConversation> StartAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Base + "conversations");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BotHost.DirectLineSecret);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new StartedConversation(
            body.GetProperty("conversationId").GetString()!, body.GetProperty("token").GetString()!, body.GetProperty("streamUrl").GetString()!);
    }

    /// <summary>Any Direct Line call with a token or the secret.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? credential, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, Base + path) { Content = content };
        if (credential is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        }
        return http.SendAsync(request);
    }

    /// <summary>GET conversations/{id} (reconnect): a fresh stream URL for the conversation.</summary>
    public async Task<string> StreamUrlAsync(string conversationId, string token)
    {
        using var response = await SendAsync(HttpMethod.Get, $"conversations/{conversationId}?watermark=", token);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("streamUrl").GetString()!;
    }

    public Task<HttpResponseMessage> PostAsync(string conversationId, string? credential, string body, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Base}conversations/{conversationId}/activities")
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        if (credential is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        }
        return http.SendAsync(request);
    }

    public Task<HttpResponseMessage> SendMessageAsync(string conversationId, string token, string text) =>
        PostAsync(conversationId, token, JsonSerializer.Serialize(new { type = "message", from = new { id = "ignored" }, text }));

    public async Task<IReadOnlyList<Activity>> ActivitiesAsync(string conversationId, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Base}conversations/{conversationId}/activities");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var set = await response.Content.ReadFromJsonAsync<JsonElement>();
        return set.GetProperty("activities").Deserialize<List<Activity>>(BotJson.Options)!;
    }

    public sealed record StartedConversation(string Id, string Token, string StreamUrl);
}
