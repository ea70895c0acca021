using System.Net.WebSockets;
using System.Text.Json;
using Bot.Core.Schema;
using Bot.Knowledge.Transcripts;

namespace Bot.DirectLine;

/// <summary>
/// Serves one conversation WebSocket: first what was stored after the client's watermark, then every new activity
/// as an <c>ActivitySet</c> frame. Activities are never sent twice on one socket, and never out of order. When the
/// server ends the stream (a newer socket on the conversation, expiry, a socket too far behind) it closes the socket
/// cleanly with the reason.
/// </summary>
public sealed class DirectLineStream(DirectLineChannel channel, ILogger<DirectLineStream> logger)
{
    public async Task RunAsync(WebSocket socket, StreamSubscription subscription, ConversationRecord conversation, long afterSeq, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(conversation);
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var receiving = DrainClientFramesAsync(socket, closed);

        try
        {
            var lastSent = afterSeq;
            while (true)
            {
                var backlog = await channel.ReadAsync(conversation.Id, lastSent, closed.Token);
                if (backlog.Activities.Count > 0)
                {
                    await SendAsync(socket, backlog, closed.Token);
                }
                if (backlog.Watermark is null || long.Parse(backlog.Watermark, System.Globalization.CultureInfo.InvariantCulture) == lastSent)
                {
                    break;
                }
                lastSent = long.Parse(backlog.Watermark, System.Globalization.CultureInfo.InvariantCulture);
            }

            await foreach (var item in subscription.Reader.ReadAllAsync(closed.Token))
            {
                if (item.Seq is { } seq)
                {
                    if (seq <= lastSent)
                    {
                        continue;
                    }
                    lastSent = seq;
                }
                if (!DirectLineChannel.IsVisibleToClients(item.Activity) && item.Activity.Type != ActivityTypes.Typing)
                {
                    continue;
                }
                var watermark = item.Seq?.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await SendAsync(socket, new ActivitySet([item.Activity], watermark), closed.Token);
            }

            if (socket.State == WebSocketState.Open)
            {
                var (status, description) = CloseFrame(subscription.CloseReason);
                logger.LogDebug("Closing the stream of conversation {ConversationId}: {Reason}", conversation.Id, description);
                await socket.CloseOutputAsync(status, description, CancellationToken.None);
                await WaitForClientCloseAsync(receiving);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            logger.LogDebug("Stream of conversation {ConversationId} ended: {Reason}", conversation.Id, ex.Message);
        }
        finally
        {
            await closed.CancelAsync();
            await receiving;
        }
    }

    /// <summary>A clean close: give the client a moment to answer the close frame before the socket is dropped.</summary>
    private static async Task WaitForClientCloseAsync(Task receiving)
    {
        try
        {
            await receiving.WaitAsync(TimeSpan.FromSeconds(2), CancellationToken.None);
        }
        catch (TimeoutException)
        {
        }
    }

    /// <summary>
    /// Collision uses the real service's reason text; DirectLineJS reconnects after any close, and that reconnect
    /// gets a fresh stream, or 404 (conversation ended) once the conversation expired.
    /// </summary>
    private static (WebSocketCloseStatus Status, string Description) CloseFrame(StreamCloseReason? reason) => reason switch
    {
        StreamCloseReason.Collision => (WebSocketCloseStatus.PolicyViolation, "collision"),
        StreamCloseReason.Expired => (WebSocketCloseStatus.NormalClosure, "Conversation expired"),
        _ => (WebSocketCloseStatus.EndpointUnavailable, "Stream restarted"),
    };

    private static async Task SendAsync(WebSocket socket, ActivitySet set, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(set, BotJson.Options);
        await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
    }

    /// <summary>Clients send empty frames as pings; they carry nothing, but reading them notices a close.</summary>
    private static async Task DrainClientFramesAsync(WebSocket socket, CancellationTokenSource closed)
    {
        var buffer = new byte[4096];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, closed.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (socket.State == WebSocketState.CloseReceived)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                    }
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            await closed.CancelAsync();
        }
    }
}
