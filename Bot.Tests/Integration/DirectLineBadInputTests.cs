using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Integration;

/// <summary>Everything a client can get wrong gets a clear problem response, and nothing is written.</summary>
public sealed class DirectLineBadInputTests(BotHost host) : IClassFixture<BotHost>
{
    private readonly HttpClient _http = host.CreateClient();

    private DirectLineTestClient Client => new(_http);

    [Fact]
    public async Task Malformed_json_is_a_400_problem_and_nothing_is_stored()
    {
        var conversation = await Client.StartAsync();
        var before = await StoredActivities(conversation.Id);

        using var response = await Client.PostAsync(conversation.Id, conversation.Token, "{\"type\": \"message\", \"text\": ");

        await AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.Equal(before, await StoredActivities(conversation.Id));
    }

    [Fact]
    public async Task A_message_with_a_nul_character_is_accepted_and_answered()
    {
        var conversation = await Client.StartAsync();

        using var response = await Client.SendMessageAsync(conversation.Id, conversation.Token, "reset\u0000my password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var activities = await Client.ActivitiesAsync(conversation.Id, conversation.Token);
        Assert.Contains(activities, a => a.Text == "reset\uFFFDmy password");
        Assert.Contains(activities, a => a.From?.Role == "bot" && a.ReplyToId is not null);
    }

    [Fact]
    public async Task Missing_or_wrong_credentials_are_401()
    {
        var conversation = await Client.StartAsync();
        var before = await StoredActivities(conversation.Id);
        var body = JsonSerializer.Serialize(new { type = "message", text = "hi" });

        using var missing = await Client.PostAsync(conversation.Id, null, body);
        using var wrongSecret = await Client.PostAsync(conversation.Id, "not-the-secret-at-all-000000", body);
        using var forged = await Client.PostAsync(conversation.Id, Forge(conversation.Token), body);

        await AssertProblem(missing, HttpStatusCode.Unauthorized);
        await AssertProblem(wrongSecret, HttpStatusCode.Unauthorized);
        await AssertProblem(forged, HttpStatusCode.Unauthorized);
        Assert.Equal(before, await StoredActivities(conversation.Id));
    }

    [Fact]
    public async Task A_token_for_one_conversation_cannot_touch_another()
    {
        var mine = await Client.StartAsync();
        var theirs = await Client.StartAsync();
        var before = await StoredActivities(theirs.Id);

        using var post = await Client.PostAsync(theirs.Id, mine.Token, JsonSerializer.Serialize(new { type = "message", text = "hi" }));
        using var read = new HttpRequestMessage(HttpMethod.Get, $"{DirectLineTestClient.Base}conversations/{theirs.Id}/activities");
        read.Headers.Authorization = new AuthenticationHeaderValue("Bearer", mine.Token);
        using var readResponse = await _http.SendAsync(read);

        await AssertProblem(post, HttpStatusCode.Forbidden);
        await AssertProblem(readResponse, HttpStatusCode.Forbidden);
        Assert.Equal(before, await StoredActivities(theirs.Id));
    }

    [Fact]
    public async Task Unknown_conversation_is_404()
    {
        using var response = await Client.PostAsync("no-such-conversation", BotHost.DirectLineSecret, JsonSerializer.Serialize(new { type = "message", text = "hi" }));

        await AssertProblem(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_message_over_the_size_limit_is_413()
    {
        var conversation = await Client.StartAsync();
        var before = await StoredActivities(conversation.Id);
        var huge = JsonSerializer.Serialize(new { type = "message", text = new string('x', 300 * 1024) });

        using var response = await Client.PostAsync(conversation.Id, conversation.Token, huge);

        await AssertProblem(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await StoredActivities(conversation.Id));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415()
    {
        var conversation = await Client.StartAsync();
        var before = await StoredActivities(conversation.Id);

        using var response = await Client.PostAsync(conversation.Id, conversation.Token, "type=message&text=hi", "application/x-www-form-urlencoded");

        await AssertProblem(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(before, await StoredActivities(conversation.Id));
    }

    [Fact]
    public async Task The_secret_is_refused_from_a_browser_page()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, DirectLineTestClient.Base + "tokens/generate");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BotHost.DirectLineSecret);
        request.Headers.Add("Origin", "https://example.com");

        using var response = await _http.SendAsync(request);

        await AssertProblem(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Admin_api_needs_the_api_key()
    {
        using var anonymous = await _http.GetAsync(new Uri("api/kb/search?q=password", UriKind.Relative));
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "api/kb/search?q=password");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "wrong-key-wrong-key-wrong");
        using var wrongResponse = await _http.SendAsync(wrong);
        using var right = new HttpRequestMessage(HttpMethod.Get, "api/kb/search?q=reset%20password&k=3");
        right.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BotHost.AdminApiKey);
        using var rightResponse = await _http.SendAsync(right);

        await AssertProblem(anonymous, HttpStatusCode.Unauthorized);
        await AssertProblem(wrongResponse, HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, rightResponse.StatusCode);
        var results = (await rightResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results");
        Assert.InRange(results.GetArrayLength(), 1, 3);
        Assert.Contains("password", results[0].GetProperty("title").GetString()!, StringComparison.OrdinalIgnoreCase);
    }

    private Task<long> StoredActivities(string conversationId) =>
        host.Database.CountAsync("SELECT count(*) FROM transcript_activities WHERE conversation_id = $1", conversationId);

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    private static string Forge(string token)
    {
        var parts = token.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, object>>(Base64UrlDecode(parts[1]))!;
        payload["user"] = "dl_someone_else_entirely";
        var forgedPayload = Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(payload))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{parts[0]}.{forgedPayload}.{parts[2]}";
    }

    private static string Base64UrlDecode(string value)
    {
        var padded = value.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        return Encoding.UTF8.GetString(Convert.FromBase64String(padded));
    }
}
