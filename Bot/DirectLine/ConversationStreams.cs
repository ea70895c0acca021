using System.Collections.Concurrent;
using System.Threading.Channels;
using Bot.Core.Schema;

namespace Bot.DirectLine;

/// <summary>
/// Live fan-out of a conversation's new activities to the WebSockets open on it (in this process).
/// Each subscriber has its own bounded queue; one that falls far behind is dropped and reconnects from its watermark.
/// </summary>
public sealed class ConversationStreams
{
    private const int QueueCapacity = 1024;
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Channel<StreamItem>>> _subscribers = new(StringComparer.Ordinal);

    public int OpenStreams => _subscribers.Values.Sum(s => s.Count);

    public Subscription Subscribe(string conversationId)
    {
        var channel = Channel.CreateBounded<StreamItem>(new BoundedChannelOptions(QueueCapacity) { SingleReader = true });
        var id = Guid.NewGuid();
        _subscribers.GetOrAdd(conversationId, _ => new ConcurrentDictionary<Guid, Channel<StreamItem>>())[id] = channel;
        return new Subscription(channel.Reader, () =>
        {
            if (_subscribers.TryGetValue(conversationId, out var set))
            {
                set.TryRemove(id, out _);
                channel.Writer.TryComplete();
            }
        });
    }

    /// <summary>Delivers an activity to every open stream; <paramref name="seq"/> is null for activities that are not stored (typing).</summary>
    public void Publish(string conversationId, long? seq, Activity activity)
    {
        if (!_subscribers.TryGetValue(conversationId, out var set))
        {
            return;
        }
        foreach (var (_, channel) in set)
        {
            if (!channel.Writer.TryWrite(new StreamItem(seq, activity)))
            {
                channel.Writer.TryComplete();
            }
        }
    }

    public sealed record StreamItem(long? Seq, Activity Activity);

    public sealed class Subscription(ChannelReader<StreamItem> reader, Action unsubscribe) : IDisposable
    {
        public ChannelReader<StreamItem> Reader { get; } = reader;

        public void Dispose() => unsubscribe();
    }
}
