using System.Net.WebSockets;
using System.Text.Json;
using Bot.Core.Schema;
using Bot.Knowledge.Transcripts;

namespace Bot.DirectLine;

/// <summary>
/// Serves one conversation WebSocket: first what was stored after the client's watermark, then every new activity
/// as an <c>ActivitySet</c> frame. Activities are never sent twice on one socket, and never out of order.
/// </summary>
public sealed class DirectLineStream(ConversationStreams streams, DirectLineChannel channel, ILogger<DirectLineStream> logger)
{
    public async Task RunAsync(WebSocket socket, ConversationRecord conversation, long afterSeq, CancellationToken cancellationToken)
    {
        using var subscription = streams.Subscribe(conversation.Id);
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
                // The subscription ended because this socket fell too far behind: the client reconnects from its watermark.
                await socket.CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "Stream restarted", CancellationToken.None);
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
