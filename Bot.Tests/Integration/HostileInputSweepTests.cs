using System.Net;
using System.Net.Http.Headers;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Integration;

/// <summary>
/// Every query value a client can send to the signed-in GET endpoints (not a number, out of range, a NUL, an emoji,
/// very long, ...), and every body it can send to the POST endpoints (broken JSON, wrong shapes and types, NULs, huge
/// strings, the wrong content type), gets an answer below 500, and a problem document when refused.
/// </summary>
public sealed class HostileInputSweepTests(BotHost host) : IClassFixture<BotHost>
{
    private static readonly string[] Values =
    [
        "", "%00", "-1", "0", "99999999999999999999", "abc", "1e309", "%F0%9F%92%A9", "'%20OR%201=1--", "%ZZ",
        "null", "2026-13-45", "9999-12-31T99:00", new string('x', 5_000),
    ];

    private static readonly (string Path, string[] Parameters)[] Endpoints =
    [
        ("api/kb/search?q=password", ["k", "category"]),
        ("api/kb/search", ["q"]),
        ("api/kb/documents", ["after", "limit"]),
        ("api/router/examples", ["after", "limit", "route"]),
        ("api/analytics/summary", ["from", "to"]),
        ("api/analytics/series", ["from", "to", "interval"]),
        ("api/analytics/breakdowns", ["from", "to"]),
        ("api/analytics/gaps", ["from", "to", "limit"]),
        ("api/analytics/conversations", ["from", "to", "page", "pageSize", "outcome"]),
        ("api/analytics/conversations.csv", ["from", "to", "outcome"]),
        ("api/handoffs", ["state"]),
    ];

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var (path, parameters) in Endpoints)
        {
            foreach (var parameter in parameters)
            {
                cases.Add(path, parameter);
            }
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task No_query_value_is_a_server_error(string path, string parameter)
    {
        using var http = host.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BotHost.AdminApiKey);
        var failures = new List<string>();
        foreach (var value in Values)
        {
            var url = $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{parameter}={value}";
            using var response = await http.GetAsync(url);
            var refusedWithoutProblem = (int)response.StatusCode >= 400
                && response.Content.Headers.ContentType?.MediaType != "application/problem+json";
            if ((int)response.StatusCode >= 500 || refusedWithoutProblem)
            {
                failures.Add($"{(int)response.StatusCode} {url[..Math.Min(url.Length, 100)]}");
            }
        }
        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("api/kb/documents/")]
    [InlineData("api/handoffs/")]
    [InlineData("api/analytics/conversations/")]
    public async Task No_path_id_is_a_server_error(string path)
    {
        using var http = host.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BotHost.AdminApiKey);
        foreach (var id in new[] { "0", "-1", "abc", "99999999999999999999", "%F0%9F%92%A9", "%00" })
        {
            using var response = await http.GetAsync(path + id);
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} {path}{id}");
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private static readonly string Huge = new('x', 100_000);

    private static readonly (string Body, string ContentType)[] Bodies =
    [
        ("", "application/json"), ("{", "application/json"), ("null", "application/json"), ("[]", "application/json"),
        ("\"text\"", "application/json"), ("123", "application/json"), ("{\"question\":null}", "application/json"),
        ("{\"question\":\"\",\"answer\":\"\"}", "application/json"),
        ($"{{\"question\":\"{Huge}\",\"answer\":\"{Huge}\"}}", "application/json"),
        ("{\"question\":\"q\",\"answer\":\"a\",\"route\":123}", "application/json"),
        ("{\"question\":\"q\\u0000\",\"answer\":\"a\",\"activityId\":{\"x\":1}}", "application/json"),
        ("{\"username\":\"\",\"password\":\"\"}", "application/json"),
        ($"{{\"username\":\"{Huge}\",\"password\":\"x\",\"role\":\"god\"}}", "application/json"),
        ("{\"text\":\"x\"}", "text/plain"), ("a=b", "application/x-www-form-urlencoded"),
        ("--x\r\nbroken", "multipart/form-data; boundary=x"), ("{}", "multipart/form-data"),
        ("text,route\n\"unterminated,billing\n", "text/csv"),
    ];

    [Theory]
    [InlineData("api/feedback/corrections")]
    [InlineData("api/router/examples")]
    [InlineData("api/agents")]
    [InlineData("api/auth/login")]
    [InlineData("api/chat/token")]
    [InlineData("api/kb/documents")]
    [InlineData("api/handoffs/1/reply")]
    [InlineData("api/handoffs/1/transfer")]
    [InlineData("api/handoffs/1/resolve")]
    [InlineData("v3/directline/tokens/generate")]
    [InlineData("v3/directline/conversations")]
    public async Task No_body_is_a_server_error(string path)
    {
        using var http = host.CreateClient();
        var key = path.StartsWith("v3/", StringComparison.Ordinal) ? BotHost.DirectLineSecret : BotHost.AdminApiKey;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var failures = new List<string>();
        foreach (var (body, contentType) in Bodies)
        {
            using var content = new StringContent(body);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            using var response = await http.PostAsync(path, content);
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{(int)response.StatusCode} {contentType} {body[..Math.Min(body.Length, 60)]}");
            }
        }
        Assert.Empty(failures);
    }
}
