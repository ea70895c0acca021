using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Analytics;

/// <summary>Calls the analytics API as an admin (or anonymously).</summary>
internal sealed class AnalyticsClient(BotHost host)
{
    public const string Period = "from=2026-01-10T00:00:00Z&to=2026-01-11T00:00:00Z";

    public async Task<JsonElement> GetJsonAsync(string pathAndQuery)
    {
        using var response = await SendAsync(pathAndQuery);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {pathAndQuery}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async Task<HttpResponseMessage> SendAsync(string pathAndQuery, string? key = BotHost.AdminApiKey)
    {
        using var http = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return await http.SendAsync(request);
    }
}
