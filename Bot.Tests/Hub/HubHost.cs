using System.Net.Http.Headers;
using System.Net.Http.Json;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Hub;

/// <summary>The real host for hub tests, with settings a test class chooses (a short queue wait for the time-out tests).</summary>
public class HubHost : IAsyncLifetime
{
    private readonly BotHost _host = new();

    public BotHost Host => _host;

    public TestDatabase Database => _host.Database;

    public Uri BaseAddress => _host.BaseAddress;

    public HttpClient CreateClient() => _host.CreateClient();

    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    public Task InitializeAsync()
    {
        Configure(_host.Settings);
        return _host.InitializeAsync();
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    /// <summary>Adds an agent through the admin API (with the API key); the password is <see cref="AgentPassword"/>.</summary>
    public async Task AddAgentAsync(string username, string displayName, params string[] groups)
    {
        using var http = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/agents")
        {
            Content = JsonContent.Create(new { username, displayName, password = AgentPassword, role = "agent", groups }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BotHost.AdminApiKey);
        using var response = await http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
    }

    public const string AgentPassword = "agent-password-0123";
}
