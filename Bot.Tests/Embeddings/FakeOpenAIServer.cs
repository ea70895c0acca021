using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Embeddings;

/// <summary>
/// An OpenAI-compatible embeddings endpoint on 127.0.0.1 (Kestrel, a free port): answers <c>POST {prefix}/embeddings</c>
/// with one unnormalised vector per input, [input length, 1, 2, ...], in float or base64 encoding as asked, and keeps
/// every request for the test to inspect.
/// </summary>
internal sealed class FakeOpenAIServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeOpenAIServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The vector length when the request names no <c>dimensions</c>.</summary>
    public int Dimensions { get; set; } = 8;

    public ConcurrentQueue<Request> Requests { get; } = new();

    public static async Task<FakeOpenAIServer> StartAsync(string prefix)
    {
        FakeOpenAIServer? server = null;
        var (app, address) = await LoopbackServer.StartAsync(routes => routes.MapPost(prefix + "/embeddings", (HttpContext context) => server!.HandleAsync(context)));
        server = new FakeOpenAIServer(app, address);
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        var inputs = body["input"] is JsonArray array ? array.Select(n => n!.GetValue<string>()).ToList() : [body["input"]!.GetValue<string>()];
        var request = new Request(
            context.Request.Path,
            context.Request.Headers.Authorization.ToString(),
            context.Request.Headers["api-key"].ToString(),
            body["model"]?.GetValue<string>(),
            inputs,
            body["dimensions"]?.GetValue<int>(),
            body["encoding_format"]?.GetValue<string>());
        Requests.Enqueue(request);

        var length = request.Dimensions ?? Dimensions;
        var data = new JsonArray();
        for (var i = 0; i < inputs.Count; i++)
        {
            var vector = Enumerable.Range(0, length).Select(d => d == 0 ? inputs[i].Length : (float)d).ToArray();
            JsonNode embedding = request.EncodingFormat == "base64"
                ? Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan()))
                : new JsonArray(vector.Select(v => (JsonNode)v).ToArray());
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
        }
        var response = new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = request.Model,
            ["usage"] = new JsonObject { ["prompt_tokens"] = inputs.Count, ["total_tokens"] = inputs.Count },
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(response.ToJsonString());
    }

    /// <summary>The expected, normalised vector for <paramref name="input"/>.</summary>
    public static float[] ExpectedVector(string input, int dimensions)
    {
        var vector = Enumerable.Range(0, dimensions).Select(d => d == 0 ? input.Length : (float)d).ToArray();
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return vector.Select(v => v / norm).ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed record Request(
        string Path, string Authorization, string ApiKey, string? Model, IReadOnlyList<string> Inputs, int? Dimensions, string? EncodingFormat);
}
