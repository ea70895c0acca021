using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bot.Tests.Infrastructure;
using Bot.Tests.Memory;
using static Bot.Tests.Responses.TraceReader;

namespace Bot.Tests.Learning;

/// <summary><c>POST /api/feedback/corrections</c> through the real host, and its effect on the next customer.</summary>
public sealed class CorrectionApiTests(BotHost host) : IClassFixture<BotHost>
{
    private const string Path = "api/feedback/corrections";
    private readonly HttpClient _http = host.CreateClient();

    [Fact]
    public async Task A_correction_is_given_to_the_next_customer_who_asks_in_other_words()
    {
        var group = EvalSets.Paraphrases().Single(g => g.Group == 2);
        using var response = await PostAsync(new { question = group.Question, answer = group.Answer, route = "technical" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("learnedAnswerId").GetInt64() > 0);
        Assert.True(body.GetProperty("routerExampleAdded").GetBoolean());
        Assert.Equal(1, await host.Database.CountAsync(
            "SELECT count(*) FROM router_examples WHERE text = $1 AND route = 'technical' AND source = 'correction'", group.Question));

        var customer = await DirectLineSession.StartAsync(_http);
        await customer.BotRepliesAsync();
        var reply = Assert.Single(await customer.AskAsync(group.Paraphrases[0]));

        Assert.Equal("learned", AnswerSource(reply));
        Assert.Contains(group.Answer, CardText(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correction_of_an_answer_takes_its_route_and_conversation_from_the_turn()
    {
        var customer = await DirectLineSession.StartAsync(_http);
        await customer.BotRepliesAsync();
        var answer = Assert.Single(await customer.AskAsync("How do I add a billing contact for invoices?"));
        var question = "we want the finance team copied on every invoice email";

        using var response = await PostAsync(new { question, answer = "Add them as billing contacts in Admin Console > Billing.", activityId = answer.Id });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var route = Trace(answer).GetProperty("route").GetString();
        Assert.Equal(route, body.GetProperty("route").GetString());
        Assert.Equal(1, await host.Database.CountAsync(
            "SELECT count(*) FROM learned_answers WHERE question = $1 AND conversation_id = $2 AND user_id = $3 AND activity_id = $4 AND agent_id = 'api-key'",
            question, customer.ConversationId, customer.UserId, answer.Id!));
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"answer":"x"}""", "question" },
        { """{"question":"   ","answer":"x"}""", "question" },
        { """{"question":"x"}""", "answer" },
        { """{"question":"x","answer":"y","route":"Not A Route!"}""", "route" },
        { "[1,2]", "JSON" },
        { """{"question": """, "JSON" },
        { "", "empty" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_input_is_a_400_problem(string json, string mentioned)
    {
        using var response = await PostRawAsync(json, "application/json", BotHost.AdminApiKey);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(mentioned, problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("BadArgument", problem.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415()
    {
        using var response = await PostRawAsync("question=x&answer=y", "application/x-www-form-urlencoded", BotHost.AdminApiKey);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key-0123456789abcdef")]
    public async Task Without_the_key_it_is_401(string? key)
    {
        using var response = await PostRawAsync("""{"question":"q","answer":"a"}""", "application/json", key);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private Task<HttpResponseMessage> PostAsync(object body) =>
        PostRawAsync(JsonSerializer.Serialize(body), "application/json", BotHost.AdminApiKey);

    private async Task<HttpResponseMessage> PostRawAsync(string body, string contentType, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return await _http.SendAsync(request);
    }
}
