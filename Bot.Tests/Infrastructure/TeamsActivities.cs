using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Bot.Tests.Infrastructure;

/// <summary>Activities as Microsoft Teams sends them to <c>/api/messages</c>, and the POST that carries them.</summary>
public static class TeamsActivities
{
    public const string UserId = "29:1a2b3c-user-ada";
    public const string BotId = "28:" + FakeBotFramework.AppId;

    public static Dictionary<string, object?> Message(string serviceUrl, string conversationId, string text, string? id = null) => Base("message", serviceUrl, conversationId, id, new()
    {
        ["text"] = text,
        ["textFormat"] = "plain",
    });

    public static Dictionary<string, object?> Invoke(string serviceUrl, string conversationId, string name, object value, string? replyToId = null) =>
        Base("invoke", serviceUrl, conversationId, null, new() { ["name"] = name, ["value"] = value, ["replyToId"] = replyToId });

    public static Dictionary<string, object?> MembersAdded(string serviceUrl, string conversationId) => Base("conversationUpdate", serviceUrl, conversationId, null, new()
    {
        ["membersAdded"] = new[] { new { id = UserId } },
    });

    public static Dictionary<string, object?> Base(string type, string serviceUrl, string conversationId, string? id, Dictionary<string, object?> extra)
    {
        ArgumentNullException.ThrowIfNull(extra);
        var activity = new Dictionary<string, object?>
        {
            ["type"] = type,
            ["id"] = id ?? "1" + Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = serviceUrl,
            ["from"] = new { id = UserId, name = "Ada Lovelace", aadObjectId = "00000000-0000-0000-0000-00000000ada1" },
            ["recipient"] = new { id = BotId, name = "Northwind Assistant" },
            ["conversation"] = new { id = conversationId, conversationType = "personal", tenantId = FakeBotFramework.TenantId },
            ["channelData"] = new { tenant = new { id = FakeBotFramework.TenantId } },
            ["locale"] = "en-US",
        };
        foreach (var (key, value) in extra)
        {
            activity[key] = value;
        }
        return activity;
    }

    public static string NewConversationId() => "a:1personal" + Guid.NewGuid().ToString("N");

    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, object activity, string? token)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = new StringContent(JsonSerializer.Serialize(activity), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await http.SendAsync(request);
    }
}
