using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Routing;

/// <summary>The real host, its router seeded at start-up from the shipped examples (as in Development).</summary>
public sealed class RouterApiHost : IAsyncLifetime
{
    public BotHost Host { get; } = new();

    public Task InitializeAsync()
    {
        Host.Settings["Router:SeedPaths:0"] = RoutingBot.SeedFiles[0];
        Host.Settings["Router:MaxImportBytes"] = "4096";
        return Host.InitializeAsync();
    }

    public Task DisposeAsync() => Host.DisposeAsync();
}

/// <summary>The router admin API: CSV upload (problem details on bad input), listing, and the seed at start-up.</summary>
public sealed class RouterApiTests(RouterApiHost fixture) : IClassFixture<RouterApiHost>
{
    private readonly HttpClient _http = Admin(fixture.Host.CreateClient());

    private static HttpClient Admin(HttpClient http)
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BotHost.AdminApiKey);
        return http;
    }

    private static StringContent Csv(string csv) => new(csv, Encoding.UTF8, "text/csv");

    [Fact]
    public async Task The_host_seeds_the_router_from_the_configured_examples_at_start_up()
    {
        var list = await _http.GetFromJsonAsync<JsonElement>("/api/router/examples?limit=5");
        Assert.Equal(5, list.GetProperty("items").GetArrayLength());
        Assert.True(list.GetProperty("total").GetInt64() >= 390);
        Assert.True(list.GetProperty("routes").GetProperty("billing").GetInt64() > 0);
        Assert.Equal(JsonValueKind.Number, list.GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task A_csv_upload_adds_examples_the_router_uses()
    {
        var response = await _http.PostAsync("/api/router/examples", Csv("""
            text,route,intent
            the flux gizmo keeps beeping at night,technical,question
            who pays for the flux gizmo licence,billing,question
            """));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, body.GetProperty("added").GetInt32());

        var technical = await _http.GetFromJsonAsync<JsonElement>("/api/router/examples?route=technical&limit=1000");
        Assert.Contains(technical.GetProperty("items").EnumerateArray(), e => e.GetProperty("text").GetString() == "the flux gizmo keeps beeping at night");
    }

    [Fact]
    public async Task A_multipart_upload_in_the_bitext_layout_is_mapped()
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("""
            utterance,intent,entity_type,entity_value,start_offset,end_offset,category,tags
            i need my quibble invoice,get_invoice,,,,,INVOICE,B
            """));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "bitext.csv");
        var response = await _http.PostAsync("/api/router/examples?format=bitext", form);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var billing = await _http.GetFromJsonAsync<JsonElement>("/api/router/examples?route=billing&limit=1000");
        Assert.Contains(billing.GetProperty("items").EnumerateArray(), e => e.GetProperty("text").GetString() == "i need my quibble invoice");
    }

    [Fact]
    public async Task Bad_rows_are_a_problem_naming_each_line_and_nothing_is_imported()
    {
        var before = await fixture.Host.Database.CountAsync("SELECT count(*) FROM router_examples");
        var response = await _http.PostAsync("/api/router/examples", Csv("""
            text,route,intent
            a fine example,general,question
            ,general,question
            another,general,not_an_intent
            """));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, problem.GetProperty("errors").GetArrayLength());
        Assert.Equal("MalformedFile", problem.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(before, await fixture.Host.Database.CountAsync("SELECT count(*) FROM router_examples"));
    }

    [Theory]
    [InlineData("text,intent\nhello,greeting", "text/csv", HttpStatusCode.BadRequest)]
    [InlineData("", "text/csv", HttpStatusCode.BadRequest)]
    [InlineData("text,route\nhello\u0000there,general", "text/csv", HttpStatusCode.BadRequest)]
    [InlineData("{\"text\":\"hi\"}", "application/json", HttpStatusCode.UnsupportedMediaType)]
    public async Task Unusable_bodies_are_problems(string body, string contentType, HttpStatusCode status)
    {
        var response = await _http.PostAsync("/api/router/examples", new StringContent(body, Encoding.UTF8, contentType));
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        var csv = "text,route\n" + string.Concat(Enumerable.Repeat("a rather long example text for the size limit,general\n", 200));
        var response = await _http.PostAsync("/api/router/examples", Csv(csv));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_format_and_a_bad_route_filter_are_problems()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await _http.PostAsync("/api/router/examples?format=xml", Csv("text,route\nx,general"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _http.GetAsync("/api/router/examples?route=Not%20A%20Route")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _http.GetAsync("/api/router/examples?limit=0")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _http.GetAsync("/api/router/examples?after=abc")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _http.GetAsync("/api/router/examples?limit=99999999999999999999")).StatusCode);
    }

    [Fact]
    public async Task The_api_needs_an_admin()
    {
        using var anonymous = fixture.Host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/router/examples")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/router/examples", Csv("text,route\nx,general"))).StatusCode);
    }
}
