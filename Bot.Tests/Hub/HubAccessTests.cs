using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Hub;

/// <summary>Nothing of the hub without signing in: REST, the agents admin API and the SignalR negotiate; roles; passwords.</summary>
public sealed class HubAccessTests(HubAccessTests.Host host) : IClassFixture<HubAccessTests.Host>
{
    private static readonly string[] Technical = ["technical"];

    public static TheoryData<string, string> Protected => new()
    {
        { "GET", "api/handoffs" },
        { "GET", "api/handoffs/1" },
        { "POST", "api/handoffs/1/take" },
        { "POST", "api/handoffs/1/release" },
        { "GET", "api/agents" },
        { "POST", "api/agents" },
        { "GET", "api/auth/me" },
        { "POST", "hubs/agents/negotiate?negotiateVersion=1" },
    };

    [Theory]
    [MemberData(nameof(Protected))]
    public async Task Without_signing_in_it_is_a_401_problem(string method, string path)
    {
        using var http = host.CreateClient();
        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_wrong_api_key_is_401_also_as_access_token_on_the_hub()
    {
        using var http = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/handoffs");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-key-0123456789abcdef");
        using var wrongKey = await http.SendAsync(request);
        using var wrongToken = await http.PostAsync("hubs/agents/negotiate?negotiateVersion=1&access_token=not-the-key", null);
        using var rightToken = await http.PostAsync($"hubs/agents/negotiate?negotiateVersion=1&access_token={BotHost.AdminApiKey}", null);

        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rightToken.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_401()
    {
        using var http = host.CreateClient();
        using var wrongPassword = await http.PostAsJsonAsync("api/auth/login", new { username = "gail", password = "not-her-password" });
        using var unknown = await http.PostAsJsonAsync("api/auth/login", new { username = "nobody", password = HubHost.AgentPassword });

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.False(wrongPassword.Headers.Contains("Set-Cookie"));
        Assert.Equal(await Detail(wrongPassword), await Detail(unknown));
    }

    [Fact]
    public async Task A_signed_in_agent_gets_an_http_only_strict_cookie_and_their_profile_and_logout_ends_it()
    {
        await using var gail = await AgentClient.SignInAsync(host.BaseAddress, "gail", HubHost.AgentPassword);
        var cookie = Assert.Single(gail.Cookies.GetAllCookies());
        Assert.True(cookie.HttpOnly);

        var me = await gail.Http.GetFromJsonAsync<JsonElement>("api/auth/me");
        Assert.Equal("gail", me.GetProperty("username").GetString());
        Assert.Equal("Gail Agent", me.GetProperty("displayName").GetString());
        Assert.Equal("agent", me.GetProperty("role").GetString());
        Assert.Equal(["billing"], me.GetProperty("groups").EnumerateArray().Select(g => g.GetString()));

        using var login = await host.CreateClient().PostAsJsonAsync("api/auth/login", new { username = "gail", password = HubHost.AgentPassword });
        var setCookie = string.Join(";", login.Headers.GetValues("Set-Cookie")).ToLowerInvariant();
        Assert.Contains("samesite=strict", setCookie, StringComparison.Ordinal);
        Assert.Contains("httponly", setCookie, StringComparison.Ordinal);

        using var logout = await gail.Http.PostAsync("api/auth/logout", null);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        using var after = await gail.Http.GetAsync("api/auth/me");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task A_disabled_agent_is_signed_out_at_the_next_request()
    {
        await host.AddAgentAsync("jo", "Jo Agent", "billing");
        await using var jo = await AgentClient.SignInAsync(host.BaseAddress, "jo", HubHost.AgentPassword);
        using (var before = await jo.Http.GetAsync("api/auth/me"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await host.Database.CountAsync("WITH d AS (UPDATE agents SET disabled = true WHERE username = $1 RETURNING 1) SELECT count(*) FROM d", "jo");

        using var after = await jo.Http.GetAsync("api/auth/me");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        using var login = await host.CreateClient().PostAsJsonAsync("api/auth/login", new { username = "jo", password = HubHost.AgentPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Fact]
    public async Task An_agent_may_not_use_the_admin_api_and_nothing_is_written()
    {
        await using var gail = await AgentClient.SignInAsync(host.BaseAddress, "gail", HubHost.AgentPassword);
        var before = await host.Database.CountAsync("SELECT count(*) FROM agents");

        using var list = await gail.Http.GetAsync("api/agents");
        using var create = await gail.Http.PostAsJsonAsync("api/agents", new { username = "mallory", displayName = "M", password = "mallory-password-1", role = "admin" });
        using var handoffs = await gail.Http.GetAsync("api/handoffs");

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal("application/problem+json", create.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, handoffs.StatusCode);
        Assert.Equal(before, await host.Database.CountAsync("SELECT count(*) FROM agents"));
    }

    [Fact]
    public async Task The_configured_admin_signs_in_and_manages_agents()
    {
        await using var admin = await AgentClient.SignInAsync(host.BaseAddress, "admin", BotHost.HubAdminPassword);

        using var created = await admin.Http.PostAsJsonAsync("api/agents", new { username = "Hank", displayName = "Hank Agent", password = "hank-password-1", role = "agent", groups = Technical });
        using var duplicate = await admin.Http.PostAsJsonAsync("api/agents", new { username = "hank", displayName = "Hank Again", password = "hank-password-2", role = "agent" });
        using var shortPassword = await admin.Http.PostAsJsonAsync("api/agents", new { username = "ivy", displayName = "Ivy", password = "short", role = "agent" });
        var list = await admin.Http.GetFromJsonAsync<JsonElement>("api/agents");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, shortPassword.StatusCode);
        Assert.Contains(list.GetProperty("items").EnumerateArray(), a => a.GetProperty("username").GetString() == "hank"
            && a.GetProperty("groups")[0].GetString() == "technical" && !a.GetProperty("disabled").GetBoolean());
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), a => a.GetProperty("username").GetString() == "ivy");
        Assert.Equal(0, await host.Database.CountAsync("SELECT count(*) FROM agents WHERE password_hash LIKE '%hank-password%'"));
        await using var hank = await AgentClient.SignInAsync(host.BaseAddress, "hank", "hank-password-1");
    }

    [Fact]
    public async Task The_rest_api_works_the_queue_like_the_hub()
    {
        using var http = host.CreateClient();
        await using var customer = await HubCustomer.StartAsync(http, "Ida");
        var id = await customer.AskForAPersonAsync(host.Database);
        await using var gail = await AgentClient.SignInAsync(host.BaseAddress, "gail", HubHost.AgentPassword);
        await using var hugo = await AgentClient.SignInAsync(host.BaseAddress, "hugo", HubHost.AgentPassword);
        var route = await host.Database.CountAsync("SELECT count(*) FROM handoffs WHERE id = $1 AND agent_group = 'billing'", id);
        var holder = route == 1 ? gail : hugo;
        var other = route == 1 ? hugo : gail;

        var queue = await holder.Http.GetFromJsonAsync<JsonElement>("api/handoffs");
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), h => h.GetProperty("id").GetInt64() == id);
        using var notMine = await other.Http.GetAsync($"api/handoffs/{id}");
        Assert.Equal(HttpStatusCode.NotFound, notMine.StatusCode);
        using var unknown = await holder.Http.PostAsync("api/handoffs/999999/take", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var replyFirst = await holder.Http.PostAsJsonAsync($"api/handoffs/{id}/reply", new { text = "hello" });
        Assert.Equal(HttpStatusCode.Conflict, replyFirst.StatusCode);

        using var take = await holder.Http.PostAsync($"api/handoffs/{id}/take", null);
        Assert.Equal(HttpStatusCode.OK, take.StatusCode);
        using var takeAgain = await Admin(HttpMethod.Post, $"api/handoffs/{id}/take");
        Assert.Equal(HttpStatusCode.Conflict, takeAgain.StatusCode);
        using var empty = await holder.Http.PostAsJsonAsync($"api/handoffs/{id}/reply", new { text = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        using var reply = await holder.Http.PostAsJsonAsync($"api/handoffs/{id}/reply", new { text = "Hello Ida, how can I help?" });
        Assert.Equal(HttpStatusCode.Accepted, reply.StatusCode);
        var replyId = (await reply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var seen = await customer.WaitForAsync(a => a.Text == "Hello Ida, how can I help?");
        Assert.Equal(replyId, seen.Id);
        using var badState = await holder.Http.GetAsync("api/handoffs?state=lost");
        Assert.Equal(HttpStatusCode.BadRequest, badState.StatusCode);
        using var resolve = await holder.Http.PostAsync($"api/handoffs/{id}/resolve", new StringContent("""{"note":"done"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, resolve.StatusCode);
        var detail = await holder.Http.GetFromJsonAsync<JsonElement>($"api/handoffs/{id}");
        Assert.Equal("resolved", detail.GetProperty("state").GetString());
        Assert.Equal("done", detail.GetProperty("notes").GetString());
        Assert.Contains(detail.GetProperty("transcript").EnumerateArray(), i => i.GetProperty("from").GetString() == "agent" && i.GetProperty("name").GetString() == holder.DisplayName);
        using var releaseClosed = await holder.Http.PostAsync($"api/handoffs/{id}/release", null);
        Assert.Equal(HttpStatusCode.Conflict, releaseClosed.StatusCode);
    }

    private async Task<HttpResponseMessage> Admin(HttpMethod method, string path)
    {
        using var http = host.CreateClient();
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BotHost.AdminApiKey);
        return await http.SendAsync(request);
    }

    private static async Task<string?> Detail(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();

    /// <summary>The host with Gail (billing) and Hugo (technical and general).</summary>
    public sealed class Host : HubHost, IAsyncLifetime
    {
        async Task IAsyncLifetime.InitializeAsync()
        {
            await InitializeAsync();
            await AddAgentAsync("gail", "Gail Agent", "billing");
            await AddAgentAsync("hugo", "Hugo Agent", "technical", "general");
        }
    }
}
