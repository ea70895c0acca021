using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Bot.Tests.Infrastructure;

/// <summary>A Direct Line WebSocket opened with .NET's client, reading ActivitySet frames until the server closes it.</summary>
public sealed class StreamSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;

    private StreamSocket(ClientWebSocket socket) => _socket = socket;

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseDescription => _socket.CloseStatusDescription;

    public WebSocketState State => _socket.State;

    /// <summary>Connects; a refused upgrade throws <see cref="WebSocketException"/> with the HTTP status in <c>Data["status"]</c>.</summary>
    public static async Task<StreamSocket> ConnectAsync(string streamUrl)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        try
        {
            await socket.ConnectAsync(new Uri(streamUrl), CancellationToken.None);
        }
        catch (WebSocketException ex)
        {
            ex.Data["status"] = (int)socket.HttpStatusCode;
            socket.Dispose();
            throw;
        }
        return new StreamSocket(socket);
    }

    /// <summary>The next ActivitySet frame (keep-alives skipped), or null once the server has closed the socket.</summary>
    public async Task<JsonElement?> ReceiveAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await _socket.ReceiveAsync(buffer, cancel.Token);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            if (message.Length > 0)
            {
                return JsonDocument.Parse(Encoding.UTF8.GetString(message.ToArray())).RootElement.Clone();
            }
        }
    }

    /// <summary>Reads frames until one carries an activity matching <paramref name="match"/>.</summary>
    public async Task<JsonElement> WaitForActivityAsync(Func<JsonElement, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var frame = await ReceiveAsync(deadline - DateTime.UtcNow)
                ?? throw new Xunit.Sdk.XunitException($"The server closed the socket ({CloseStatus} {CloseDescription}) before the activity arrived.");
            foreach (var activity in frame.GetProperty("activities").EnumerateArray())
            {
                if (match(activity))
                {
                    return activity;
                }
            }
        }
        throw new TimeoutException("The activity did not arrive on the socket.");
    }

    /// <summary>Reads until the server closes the socket; fails after <paramref name="timeout"/>.</summary>
    public async Task WaitForServerCloseAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (await ReceiveAsync(deadline - DateTime.UtcNow) is not null)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "test done", cancel.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
            }
        }
        _socket.Dispose();
    }
}
