using Bot.Knowledge.Embeddings;
using Microsoft.Extensions.AI;

namespace Bot.Tests.Embeddings;

public sealed class CachingEmbeddingGeneratorTests
{
    [Fact]
    public async Task Repeated_query_is_answered_from_the_cache()
    {
        var inner = new CountingGenerator();
        using var cache = new CachingEmbeddingGenerator(inner, capacity: 10);

        var first = await cache.GenerateAsync(["reset password"]);
        var second = await cache.GenerateAsync(["reset password"]);

        Assert.Equal(1, inner.Texts);
        Assert.Equal(first[0].Vector.ToArray(), second[0].Vector.ToArray());
        Assert.Equal(1, cache.Hits);
        Assert.Equal(1, cache.Misses);
    }

    [Fact]
    public async Task Least_recently_used_query_is_evicted_first()
    {
        var inner = new CountingGenerator();
        using var cache = new CachingEmbeddingGenerator(inner, capacity: 2);

        await cache.GenerateAsync(["a"]);
        await cache.GenerateAsync(["b"]);
        await cache.GenerateAsync(["a"]);   // a is now the most recent
        await cache.GenerateAsync(["c"]);   // evicts b
        Assert.Equal(3, inner.Texts);

        await cache.GenerateAsync(["a"]);
        Assert.Equal(3, inner.Texts);
        await cache.GenerateAsync(["b"]);
        Assert.Equal(4, inner.Texts);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public async Task Document_batches_bypass_the_cache()
    {
        var inner = new CountingGenerator();
        using var cache = new CachingEmbeddingGenerator(inner, capacity: 10);

        await cache.GenerateAsync(["a", "b"]);
        await cache.GenerateAsync(["a", "b"]);
        await cache.GenerateAsync(["a"]);

        Assert.Equal(5, inner.Texts);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public async Task Calls_with_options_or_a_zero_capacity_are_not_cached()
    {
        var inner = new CountingGenerator();
        using var cache = new CachingEmbeddingGenerator(inner, capacity: 10);
        using var off = new CachingEmbeddingGenerator(inner, capacity: 0);

        await cache.GenerateAsync(["a"], new EmbeddingGenerationOptions { Dimensions = 2 });
        await cache.GenerateAsync(["a"], new EmbeddingGenerationOptions { Dimensions = 2 });
        await off.GenerateAsync(["a"]);
        await off.GenerateAsync(["a"]);

        Assert.Equal(4, inner.Texts);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task Concurrent_queries_stay_correct_and_bounded()
    {
        var inner = new CountingGenerator();
        using var cache = new CachingEmbeddingGenerator(inner, capacity: 50);
        var queries = Enumerable.Range(0, 200).Select(i => "query " + (i % 80)).ToArray();

        await Parallel.ForEachAsync(Enumerable.Range(0, 4000), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var text = queries[i % queries.Length];
            var embedding = await cache.GenerateAsync([text], cancellationToken: ct);
            Assert.Equal(CountingGenerator.VectorFor(text), embedding[0].Vector.ToArray());
        });

        Assert.InRange(cache.Count, 1, 50);
        Assert.Equal(4000, cache.Hits + cache.Misses);
        Assert.True(cache.Hits > 0);
    }

    /// <summary>Embeds a text as (length, first char) and counts the texts it was asked for.</summary>
    private sealed class CountingGenerator : IEmbeddingGenerator<string, Embedding<float>>
    {
        private int _texts;

        public int Texts => Volatile.Read(ref _texts);

        public static float[] VectorFor(string text) => [text.Length, text.Length == 0 ? 0 : text[^1]];

        public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            var result = new GeneratedEmbeddings<Embedding<float>>();
            foreach (var value in values)
            {
                Interlocked.Increment(ref _texts);
                result.Add(new Embedding<float>(VectorFor(value)));
            }
            return result;
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
