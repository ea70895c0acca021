using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Responses;

/// <summary>
/// An OpenAI-compatible chat endpoint on 127.0.0.1 (Kestrel, a free port): <c>POST /v1/chat/completions</c> answers
/// with what <see cref="Model"/> returns for the request (a status code and the assistant's text), after
/// <see cref="Delay"/>. Every request is kept for the test to inspect.
/// </summary>
internal sealed class FakeChatServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeChatServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The base address to configure as <c>Llm:Endpoint</c> (ends with <c>/v1</c>).</summary>
    public Uri Endpoint => new(Address, "/v1");

    public Uri Address { get; }

    /// <summary>The "model": status code and content for a request.</summary>
    public Func<ChatRequest, (int Status, string Content)> Model { get; set; } = _ => (200, "The answer [1].");

    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    public ConcurrentQueue<ChatRequest> Requests { get; } = new();

    public static async Task<FakeChatServer> StartAsync()
    {
        FakeChatServer? server = null;
        var (app, address) = await LoopbackServer.StartAsync(routes => routes.MapPost("/v1/chat/completions", (HttpContext context) => server!.HandleAsync(context)));
        server = new FakeChatServer(app, address);
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        var messages = body["messages"]!.AsArray()
            .Select(m => new ChatMessageRecord(m!["role"]!.GetValue<string>(), ContentOf(m["content"])))
            .ToList();
        var request = new ChatRequest(body["model"]?.GetValue<string>(), context.Request.Headers.Authorization.ToString(), messages);
        Requests.Enqueue(request);
        if (Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        var (status, content) = Model(request);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        if (status != 200)
        {
            await context.Response.WriteAsync("""{"error":{"message":"The fake model failed.","type":"server_error","code":null}}""");
            return;
        }
        var response = new JsonObject
        {
            ["id"] = "chatcmpl-fake",
            ["object"] = "chat.completion",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = request.Model ?? "fake",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 10, ["total_tokens"] = 20 },
        };
        await context.Response.WriteAsync(response.ToJsonString());
    }

    /// <summary>A message's content, whether a string or an array of text parts.</summary>
    private static string ContentOf(JsonNode? content) => content switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>() ?? "")),
        _ => "",
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed record ChatMessageRecord(string Role, string Content);

    public sealed record ChatRequest(string? Model, string Authorization, IReadOnlyList<ChatMessageRecord> Messages)
    {
        public string System => string.Join('\n', Messages.Where(m => m.Role is "system" or "developer").Select(m => m.Content));

        public string User => string.Join('\n', Messages.Where(m => m.Role == "user").Select(m => m.Content));
    }
}
