using System.Threading.Channels;
using Bot.Core.Schema;

namespace Bot.DirectLine;

/// <summary>
/// Live fan-out of a conversation's new activities to the WebSocket open on it (in this process). As on the real
/// service there is one socket per conversation: a new one closes the older with reason <c>collision</c>.
/// Each socket has its own bounded queue; one that falls far behind is dropped and reconnects from its watermark.
/// </summary>
public sealed class ConversationStreams
{
    private const int QueueCapacity = 1024;
    private readonly Dictionary<string, StreamSubscription> _subscriptions = new(StringComparer.Ordinal);

    public int OpenStreams
    {
        get
        {
            lock (_subscriptions)
            {
                return _subscriptions.Count;
            }
        }
    }

    /// <summary>The conversations with a socket open in this process.</summary>
    public IReadOnlyList<string> OpenConversationIds
    {
        get
        {
            lock (_subscriptions)
            {
                return [.. _subscriptions.Keys];
            }
        }
    }

    /// <summary>
    /// Opens the conversation's stream, closing the one already open on it (<see cref="StreamCloseReason.Collision"/>);
    /// null when <paramref name="maxOpenStreams"/> other conversations already have one.
    /// </summary>
    public StreamSubscription? TrySubscribe(string conversationId, int maxOpenStreams)
    {
        var channel = Channel.CreateBounded<StreamItem>(new BoundedChannelOptions(QueueCapacity) { SingleReader = true });
        StreamSubscription? replaced;
        StreamSubscription subscription;
        lock (_subscriptions)
        {
            _subscriptions.TryGetValue(conversationId, out replaced);
            if (replaced is null && _subscriptions.Count >= maxOpenStreams)
            {
                return null;
            }
            subscription = new StreamSubscription(channel, () => Remove(conversationId, channel));
            _subscriptions[conversationId] = subscription;
        }
        replaced?.Close(StreamCloseReason.Collision);
        return subscription;
    }

    /// <summary>Delivers an activity to the open stream; <paramref name="seq"/> is null for activities that are not stored (typing).</summary>
    public void Publish(string conversationId, long? seq, Activity activity)
    {
        StreamSubscription? subscription;
        lock (_subscriptions)
        {
            _subscriptions.TryGetValue(conversationId, out subscription);
        }
        subscription?.Deliver(new StreamItem(seq, activity));
    }

    /// <summary>Ends the conversation's stream, if one is open here, for <paramref name="reason"/>.</summary>
    public void Close(string conversationId, StreamCloseReason reason)
    {
        StreamSubscription? subscription;
        lock (_subscriptions)
        {
            _subscriptions.TryGetValue(conversationId, out subscription);
        }
        subscription?.Close(reason);
    }

    private void Remove(string conversationId, Channel<StreamItem> channel)
    {
        lock (_subscriptions)
        {
            if (_subscriptions.TryGetValue(conversationId, out var current) && current.Owns(channel))
            {
                _subscriptions.Remove(conversationId);
            }
        }
    }
}
