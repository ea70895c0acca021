using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Infrastructure;

/// <summary>
/// The real host, on its own fresh database, listening on a loopback port with Kestrel so outside clients
/// (Node's Direct Line client, Chromium) can reach it as well as in-process HTTP clients.
/// </summary>
public sealed class BotHost : IAsyncLifetime
{
    public const string DirectLineSecret = "test-directline-secret-0123456789";
    public const string AdminApiKey = "test-admin-api-key-0123456789";
    public const string HubAdminPassword = "test-hub-admin-password";

    private readonly TestDatabase _database = new();
    private WebApplicationFactory<Program> _factory = null!;

    public TestDatabase Database => _database;

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _factory.Services;

    /// <summary>Extra configuration a test class needs, applied over the defaults.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.Ordinal);

    /// <summary>Service overrides a test class needs (fakes for outside services), applied after the host's own.</summary>
    public List<Action<IServiceCollection>> ServiceOverrides { get; } = [];

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("urls", BaseAddress.ToString());
            builder.UseSetting("Database:ConnectionString", _database.ConnectionString);
            builder.UseSetting("DirectLine:Secret", DirectLineSecret);
            builder.UseSetting("Admin:ApiKey", AdminApiKey);
            builder.UseSetting("Hub:Admin:Password", HubAdminPassword);
            builder.UseSetting("Bot:ExposeTrace", "true");
            builder.UseSetting("Knowledge:SeedPath", RepoPaths.SampleArticles);
            builder.UseSetting("Web:RootPath", RepoPaths.WebDist);
            foreach (var (key, value) in Settings)
            {
                builder.UseSetting(key, value);
            }
            builder.ConfigureTestServices(services =>
            {
                foreach (var apply in ServiceOverrides)
                {
                    apply(services);
                }
            });
        });
        _factory.UseKestrel();
        _factory.StartServer();
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
