namespace Bot.Hosting;

/// <summary>
/// One turn at a time per conversation in this process, so a conversation's activities get their ids and
/// replies in order. Across processes the eTag check on conversation state catches what this cannot.
/// </summary>
public sealed class ConversationLocks
{
    private readonly Dictionary<string, (SemaphoreSlim Gate, int Users)> _locks = new(StringComparer.Ordinal);

    public async Task<IDisposable> AcquireAsync(string conversationId, CancellationToken cancellationToken)
    {
        SemaphoreSlim gate;
        lock (_locks)
        {
            var entry = _locks.TryGetValue(conversationId, out var existing) ? existing : (new SemaphoreSlim(1, 1), 0);
            _locks[conversationId] = (entry.Item1, entry.Item2 + 1);
            gate = entry.Item1;
        }
        try
        {
            await gate.WaitAsync(cancellationToken);
        }
        catch
        {
            Release(conversationId, enteredGate: false);
            throw;
        }
        return new Lease(this, conversationId);
    }

    private void Release(string conversationId, bool enteredGate)
    {
        lock (_locks)
        {
            var (gate, users) = _locks[conversationId];
            if (enteredGate)
            {
                gate.Release();
            }
            if (users == 1)
            {
                _locks.Remove(conversationId);
                gate.Dispose();
            }
            else
            {
                _locks[conversationId] = (gate, users - 1);
            }
        }
    }

    private sealed class Lease(ConversationLocks owner, string conversationId) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Release(conversationId, enteredGate: true);
            }
        }
    }
}
