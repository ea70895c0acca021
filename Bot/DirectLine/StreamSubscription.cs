using System.Threading.Channels;

namespace Bot.DirectLine;

/// <summary>One open conversation stream: the activities queued for its socket, and why it was closed, if it was.</summary>
public sealed class StreamSubscription : IDisposable
{
    private readonly Channel<StreamItem> _channel;
    private readonly Action _unsubscribe;
    private int _closeReason = -1;

    internal StreamSubscription(Channel<StreamItem> channel, Action unsubscribe)
    {
        _channel = channel;
        _unsubscribe = unsubscribe;
    }

    public ChannelReader<StreamItem> Reader => _channel.Reader;

    /// <summary>Why the server ended the stream; null while it is open or when the client went away.</summary>
    public StreamCloseReason? CloseReason => Volatile.Read(ref _closeReason) is var reason and >= 0 ? (StreamCloseReason)reason : null;

    public void Dispose()
    {
        _unsubscribe();
        _channel.Writer.TryComplete();
    }

    internal bool Owns(Channel<StreamItem> channel) => ReferenceEquals(_channel, channel);

    internal void Deliver(StreamItem item)
    {
        if (!_channel.Writer.TryWrite(item))
        {
            Close(StreamCloseReason.FellBehind);
        }
    }

    internal void Close(StreamCloseReason reason)
    {
        Interlocked.CompareExchange(ref _closeReason, (int)reason, -1);
        _channel.Writer.TryComplete();
    }
}
