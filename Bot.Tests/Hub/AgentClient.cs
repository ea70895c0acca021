using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace Bot.Tests.Hub;

/// <summary>
/// A person of the hub as the page is: signed in with the cookie (POST /api/auth/login), connected to /hubs/agents with
/// the real SignalR .NET client, every push kept in order so a test can wait for the one it expects.
/// </summary>
public sealed class AgentClient : IAsyncDisposable
{
    private readonly Channel<(string Name, JsonElement[] Args)> _events = Channel.CreateUnbounded<(string, JsonElement[])>();
    private readonly List<(string Name, JsonElement[] Args)> _seen = [];

    private AgentClient(HubConnection connection, CookieContainer cookies, HttpClient http)
    {
        Connection = connection;
        Cookies = cookies;
        Http = http;
    }

    public HubConnection Connection { get; }

    public CookieContainer Cookies { get; }

    /// <summary>The name the sign-in returned.</summary>
    public string? DisplayName { get; private set; }

    /// <summary>An HTTP client carrying the sign-in cookie.</summary>
    public HttpClient Http { get; }

    public static async Task<AgentClient> SignInAsync(Uri baseAddress, string username, string password)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        string? displayName;
        using (var login = await http.PostAsJsonAsync("api/auth/login", new { username, password }))
        {
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            displayName = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("displayName").GetString();
        }
        var client = await ConnectAsync(baseAddress, cookies, http);
        client.DisplayName = displayName;
        return client;
    }

    /// <summary>A new connection with the same sign-in (a page reload, a dropped network).</summary>
    public static async Task<AgentClient> ConnectAsync(Uri baseAddress, CookieContainer cookies, HttpClient http)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "hubs/agents"), options => options.Cookies = cookies)
            .Build();
        var client = new AgentClient(connection, cookies, http);
        foreach (var (name, arity) in new[] { ("handoffQueued", 1), ("handoffChanged", 1), ("customerMessage", 2), ("customerTyping", 1), ("transcriptItem", 2), ("correctionApplied", 1) })
        {
            var types = Enumerable.Repeat(typeof(JsonElement), arity).ToArray();
            connection.On(name, types, args =>
            {
                client._events.Writer.TryWrite((name, args.Select(a => (JsonElement)a!).ToArray()));
                return Task.CompletedTask;
            });
        }
        await connection.StartAsync();
        return client;
    }

    /// <summary>The next push named <paramref name="name"/> whose arguments match; earlier ones that did not match stay readable.</summary>
    public async Task<JsonElement[]> WaitForAsync(string name, Func<JsonElement[], bool> match, int seconds = 15)
    {
        lock (_seen)
        {
            var found = _seen.FindIndex(e => e.Name == name && match(e.Args));
            if (found >= 0)
            {
                var hit = _seen[found];
                _seen.RemoveAt(found);
                return hit.Args;
            }
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            while (true)
            {
                var next = await _events.Reader.ReadAsync(timeout.Token);
                if (next.Name == name && match(next.Args))
                {
                    return next.Args;
                }
                lock (_seen)
                {
                    _seen.Add(next);
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"No '{name}' push matched within {seconds} s.");
        }
    }

    /// <summary>Whether a push named <paramref name="name"/> matching arrived (already, or within <paramref name="seconds"/>).</summary>
    /// <summary>Waits until handoff <paramref name="id"/> reaches this agent's queue; its view.</summary>
    public async Task<JsonElement> WaitForQueuedAsync(long id) =>
        (await WaitForAsync("handoffQueued", a => a[0].GetProperty("id").GetInt64() == id))[0];

    /// <summary>Waits until handoff <paramref name="id"/> is queued for this agent, then takes it; the taken handoff's detail.</summary>
    public async Task<JsonElement> TakeWhenQueuedAsync(long id)
    {
        await WaitForQueuedAsync(id);
        return await InvokeAsync("Take", id);
    }

    public async Task<bool> ReceivedAsync(string name, Func<JsonElement[], bool> match, int seconds)
    {
        try
        {
            await WaitForAsync(name, match, seconds);
            return true;
        }
        catch (Xunit.Sdk.XunitException)
        {
            return false;
        }
    }

    public Task<JsonElement> InvokeAsync(string method, params object?[] args) =>
        Connection.InvokeCoreAsync<JsonElement>(method, args);

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
    }
}
