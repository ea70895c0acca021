using Microsoft.Extensions.AI;

namespace Bot.Knowledge.Embeddings;

/// <summary>
/// A bounded LRU cache for query embeddings in front of another generator. Only single-text calls without options
/// are cached (a search query); batches (documents being ingested) go straight through, so ingestion neither fills
/// nor evicts the cache. Thread-safe; concurrent misses for the same text may both compute it, which is harmless.
/// </summary>
public sealed class CachingEmbeddingGenerator : DelegatingEmbeddingGenerator<string, Embedding<float>>
{
    private readonly int _capacity;
    private readonly Dictionary<string, LinkedListNode<(string Text, Embedding<float> Embedding)>> _entries;
    private readonly LinkedList<(string Text, Embedding<float> Embedding)> _order = new();
    private readonly Lock _lock = new();
    private long _hits;
    private long _misses;

    /// <param name="innerGenerator">The generator that computes embeddings.</param>
    /// <param name="capacity">How many query embeddings to keep; 0 caches nothing.</param>
    public CachingEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> innerGenerator, int capacity)
        : base(innerGenerator)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _capacity = capacity;
        _entries = new Dictionary<string, LinkedListNode<(string, Embedding<float>)>>(Math.Min(capacity, 1024), StringComparer.Ordinal);
    }

    /// <summary>How many embeddings the cache holds now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Single-text calls answered from the cache.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Single-text calls that went to the inner generator.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <inheritdoc/>
    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = values as IReadOnlyList<string> ?? [.. values];
        if (_capacity == 0 || options is not null || list.Count != 1 || list[0] is not { } text)
        {
            return await base.GenerateAsync(list, options, cancellationToken);
        }

        lock (_lock)
        {
            if (_entries.TryGetValue(text, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                Interlocked.Increment(ref _hits);
                return [node.Value.Embedding];
            }
        }

        Interlocked.Increment(ref _misses);
        var generated = await base.GenerateAsync(list, options, cancellationToken);
        if (generated.Count == 1)
        {
            Add(text, generated[0]);
        }
        return generated;
    }

    private void Add(string text, Embedding<float> embedding)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(text, out var existing))
            {
                _order.Remove(existing);
                _entries.Remove(text);
            }
            _entries[text] = _order.AddFirst((text, embedding));
            while (_entries.Count > _capacity)
            {
                var last = _order.Last!;
                _order.RemoveLast();
                _entries.Remove(last.Value.Text);
            }
        }
    }
}
