using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Tests.Infrastructure;

/// <summary>
/// The Bot Framework services a bot talks to, faked on one Kestrel port on 127.0.0.1: the channel OpenID metadata and
/// signing keys (login.botframework.com), the Azure AD token endpoint the bot gets its own tokens from
/// (login.microsoftonline.com, reached through <see cref="LoopbackRedirectHandler"/>), and a Bot Connector service at
/// <see cref="ServiceUrl"/> (with a path, like Teams' <c>/amer/</c>) that records what the bot sends.
/// </summary>
public sealed class FakeBotFramework : IAsyncLifetime
{
    public const string AppId = "6a1c0e9e-5b0f-4b55-9a55-0c5e8d3f1a11";
    public const string AppPassword = "test-app-password-not-a-secret";
    public const string TenantId = "9f0b7d0e-1c35-4b6e-8f58-7a2d5e9c4b22";

    private static readonly string[] SigningAlgorithms = ["RS256"];
    private static readonly string[] AuthMethods = ["private_key_jwt"];
    private static readonly string[] LoginAliases = ["login.microsoftonline.com", "login.windows.net"];

    private readonly ConcurrentQueue<RecordedRequest> _connectorCalls = new();
    private readonly ConcurrentQueue<ScriptedResponse> _script = new();
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _tokenRequests = new();
    private WebApplication _app = null!;
    private int _nextId;

    public ChannelTokens Tokens { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The Connector base the tests put in activities' <c>serviceUrl</c>.</summary>
    public string ServiceUrl => new Uri(BaseAddress, "amer/").ToString();

    public string OpenIdMetadataUrl => new Uri(BaseAddress, "v1/.well-known/openidconfiguration").ToString();

    /// <summary>The access token the fake token endpoint issues; the fake Connector accepts only this one.</summary>
    public string AccessToken { get; } = "fake-aad-token-" + Guid.NewGuid().ToString("N");

    public IReadOnlyList<RecordedRequest> ConnectorCalls => [.. _connectorCalls];

    /// <summary>The form fields of each client-credentials request, with the tenant of its path as <c>tenant</c>.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> TokenRequests => [.. _tokenRequests];

    /// <summary>Settings that point a <see cref="BotHost"/> at this fake, as a bot registered with app id <see cref="AppId"/>.</summary>
    public void Configure(BotHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        host.Settings["MicrosoftAppType"] = "MultiTenant";
        host.Settings["MicrosoftAppId"] = AppId;
        host.Settings["MicrosoftAppPassword"] = AppPassword;
        host.Settings["ChannelOpenIdMetadataUrl"] = OpenIdMetadataUrl;
        host.Settings["EmulatorOpenIdMetadataUrl"] = OpenIdMetadataUrl;
        host.Settings["Connector:RetryBaseDelay"] = "00:00:00.050";
        host.ServiceOverrides.Add(services => services
            .AddHttpClient(Bot.Connector.MsalHttpClientFactory.ClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new LoopbackRedirectHandler(BaseAddress)));
    }

    /// <summary>The next Connector calls fail like this, in order, before calls succeed again.</summary>
    public void FailNext(params ScriptedResponse[] responses)
    {
        foreach (var response in responses)
        {
            _script.Enqueue(response);
        }
    }

    /// <summary>Waits for a Connector call that matches; fails the test with what did arrive after <paramref name="timeout"/>.</summary>
    public async Task<RecordedRequest> WaitForCallAsync(Func<RecordedRequest, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            if (_connectorCalls.FirstOrDefault(match) is { } call)
            {
                return call;
            }
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException("The fake Connector did not get the expected call. It got: " + string.Join(", ", _connectorCalls));
    }

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        MapLogin(_app);
        MapConnector(_app.MapGroup("/amer/v3/conversations"));
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Tokens.Dispose();
    }

    private void MapLogin(WebApplication app)
    {
        app.MapGet("/v1/.well-known/openidconfiguration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = ChannelTokens.Issuer,
            ["authorization_endpoint"] = "https://invalid.botframework.com",
            ["jwks_uri"] = new Uri(BaseAddress, "v1/.well-known/keys").ToString(),
            ["id_token_signing_alg_values_supported"] = SigningAlgorithms,
            ["token_endpoint_auth_methods_supported"] = AuthMethods,
        }));
        app.MapGet("/v1/.well-known/keys", () => Results.Json(Tokens.Jwks()));

        // Azure AD, as MSAL calls it: instance discovery, then the tenant's token endpoint.
        app.MapGet("/common/discovery/instance", () => Results.Json(new Dictionary<string, object>
        {
            ["tenant_discovery_endpoint"] = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration",
            ["api-version"] = "1.1",
            ["metadata"] = new[] { new { preferred_network = "login.microsoftonline.com", preferred_cache = "login.windows.net", aliases = LoginAliases } },
        }));
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (string tenant, HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
            fields["tenant"] = tenant;
            _tokenRequests.Enqueue(fields);
            return fields.GetValueOrDefault("client_id") == AppId && fields.GetValueOrDefault("client_secret") == AppPassword
                ? Results.Json(new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = AccessToken })
                : Results.Json(new { error = "invalid_client" }, statusCode: 401);
        });
    }

    private void MapConnector(RouteGroupBuilder conversations)
    {
        conversations.MapPost("", context => RespondAsync(context, () => new
        {
            id = $"19:agents@thread.tacv2;messageid={Interlocked.Increment(ref _nextId)}",
            activityId = _nextId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        conversations.MapPost("/{conversationId}/activities", context => RespondAsync(context, NewId));
        conversations.MapPost("/{conversationId}/activities/{activityId}", context => RespondAsync(context, NewId));
        conversations.MapPut("/{conversationId}/activities/{activityId}", context =>
            RespondAsync(context, () => new { id = context.Request.RouteValues["activityId"]?.ToString() }));
        conversations.MapDelete("/{conversationId}/activities/{activityId}", context => RespondAsync(context, () => null));
    }

    private object NewId() => new { id = "bot-reply-" + Interlocked.Increment(ref _nextId) };

    /// <summary>Records the call; answers 401 without the token the fake issued, a scripted failure if one is queued, else success.</summary>
    private async Task RespondAsync(HttpContext context, Func<object?> success)
    {
        var request = context.Request;
        JsonElement? body = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
        }
        var authorization = request.Headers.Authorization.ToString();
        int status;
        if (authorization != "Bearer " + AccessToken)
        {
            status = (int)HttpStatusCode.Unauthorized;
        }
        else if (_script.TryDequeue(out var scripted))
        {
            status = scripted.Status;
            if (scripted.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = scripted.RetryAfter;
            }
        }
        else
        {
            status = (int)HttpStatusCode.OK;
        }
        _connectorCalls.Enqueue(new RecordedRequest(request.Method, Uri.UnescapeDataString(request.Path.Value ?? ""), authorization, body, status, DateTimeOffset.UtcNow));

        context.Response.StatusCode = status;
        if (status == 200 && success() is { } payload)
        {
            await context.Response.WriteAsJsonAsync(payload);
        }
        else if (status >= 400)
        {
            await context.Response.WriteAsJsonAsync(new { error = new { code = "ServiceError", message = $"fake Connector answered {status}" } });
        }
    }
}
