using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Bot.Tests.Infrastructure;
using static Bot.Tests.Responses.TraceReader;

namespace Bot.Tests.Memory;

/// <summary><c>DELETE /api/users/{id}/data</c>: everything about the person goes, it says what went, and nobody else's data is touched.</summary>
public sealed class PrivacyEraseTests(BotHost host) : IClassFixture<BotHost>
{
    private readonly HttpClient _http = host.CreateClient();

    [Fact]
    public async Task Erasing_a_user_removes_their_state_transcripts_feedback_turns_and_learned_data()
    {
        var person = await DirectLineSession.StartAsync(_http, DirectLineSession.NewUserId(), "Erin");
        await person.BotRepliesAsync();
        var answer = Assert.Single(await person.AskAsync("How do I reset my password?"));
        var rating = Card(answer).GetProperty("actions")[1].GetProperty("data").Clone();
        await person.AskAsync(null, rating);
        await person.AskAsync("I want to talk to a human");
        using (var correction = await SendAsync(HttpMethod.Post, "api/feedback/corrections", BotHost.AdminApiKey,
            new { question = "How do I reset my password?", answer = "Use Forgot password on the sign-in page.", activityId = answer.Id }))
        {
            Assert.Equal(HttpStatusCode.Created, correction.StatusCode);
        }
        var bystander = await DirectLineSession.StartAsync(_http, DirectLineSession.NewUserId());
        await bystander.BotRepliesAsync();
        await bystander.AskAsync("what are your support hours");
        var bystanderRows = await RowsAboutAsync(bystander);

        using var response = await SendAsync(HttpMethod.Delete, $"api/users/{person.UserId}/data", BotHost.AdminApiKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(person.UserId, body.GetProperty("userId").GetString());
        var removed = body.GetProperty("removed");
        Assert.Equal(1, removed.GetProperty("userState").GetInt64());
        Assert.Equal(1, removed.GetProperty("conversationState").GetInt64());
        Assert.Equal(1, removed.GetProperty("conversations").GetInt64());
        Assert.True(removed.GetProperty("transcriptActivities").GetInt64() >= 7, removed.ToString());
        Assert.Equal(1, removed.GetProperty("feedback").GetInt64());
        Assert.True(removed.GetProperty("turns").GetInt64() >= 3, removed.ToString());
        Assert.Equal(1, removed.GetProperty("learnedAnswers").GetInt64());
        Assert.Equal(1, removed.GetProperty("chunkDemotions").GetInt64());
        Assert.True(removed.GetProperty("handoffs").GetInt64() >= 1, removed.ToString());
        Assert.Equal(removed.EnumerateObject().Sum(p => p.Value.GetInt64()), body.GetProperty("total").GetInt64());

        Assert.Equal(0, (await RowsAboutAsync(person)).Sum(r => r.Value));
        Assert.Equal(bystanderRows, await RowsAboutAsync(bystander));

        using var again = await SendAsync(HttpMethod.Delete, $"api/users/{person.UserId}/data", BotHost.AdminApiKey);
        var nothing = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, nothing.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Erasing_needs_the_admin_key()
    {
        using var anonymous = await SendAsync(HttpMethod.Delete, "api/users/dl_someone/data", null);
        using var wrong = await SendAsync(HttpMethod.Delete, "api/users/dl_someone/data", "not-the-admin-key-000000");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task An_unreasonable_id_is_a_400_problem()
    {
        using var response = await SendAsync(HttpMethod.Delete, $"api/users/{new string('x', 300)}/data", BotHost.AdminApiKey);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<Dictionary<string, long>> RowsAboutAsync(DirectLineSession session)
    {
        var db = host.Database;
        var conversation = session.ConversationId;
        var user = session.UserId;
        return new Dictionary<string, long>
        {
            ["bot_state"] = await db.CountAsync("SELECT count(*) FROM bot_state WHERE key LIKE '%' || $1 OR key LIKE '%' || $2", "/users/" + user, "/conversations/" + conversation),
            ["conversations"] = await db.CountAsync("SELECT count(*) FROM conversations WHERE id = $1 OR user_id = $2", conversation, user),
            ["transcript_activities"] = await db.CountAsync("SELECT count(*) FROM transcript_activities WHERE conversation_id = $1 OR from_id = $2", conversation, user),
            ["feedback"] = await db.CountAsync("SELECT count(*) FROM feedback WHERE conversation_id = $1 OR user_id = $2", conversation, user),
            ["turns"] = await db.CountAsync("SELECT count(*) FROM turns WHERE conversation_id = $1 OR user_id = $2", conversation, user),
            ["learned_answers"] = await db.CountAsync("SELECT count(*) FROM learned_answers WHERE conversation_id = $1 OR user_id = $2", conversation, user),
            ["chunk_demotions"] = await db.CountAsync("SELECT count(*) FROM chunk_demotions WHERE conversation_id = $1 OR user_id = $2", conversation, user),
            ["handoffs"] = await db.CountAsync("SELECT count(*) FROM handoffs WHERE conversation_id = $1 OR user_id = $2", conversation, user),
        };
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? key, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        return await _http.SendAsync(request);
    }
}
