using Microsoft.Extensions.AI;

namespace Bot.Knowledge.Embeddings;

/// <summary>
/// The lexical fallback: feature hashing (Weinberger et al., 2009) of word unigrams and character trigrams into
/// 256 signed buckets, sublinear term frequency (1 + ln tf), L2-normalised. Texts sharing words or spellings come
/// out close; synonyms do not, so this is vector search without meaning, used only when no semantic model is there.
/// </summary>
public sealed class HashingEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const int Dimensions = 256;

    /// <summary>A word has several trigrams; they refine the match (typos, inflections) without outvoting whole words.</summary>
    private const float TrigramWeight = 0.5f;

    private static readonly EmbeddingGeneratorMetadata Metadata = new("lexical-hash", null, EmbedderInfo.LexicalName, Dimensions);

    /// <inheritdoc/>
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new GeneratedEmbeddings<Embedding<float>>();
        var created = DateTimeOffset.UtcNow;
        foreach (var value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var vector = new float[Dimensions];
            Embed(value, vector);
            result.Add(new Embedding<float>(vector) { ModelId = EmbedderInfo.LexicalName, CreatedAt = created });
        }
        return Task.FromResult(result);
    }

    /// <summary>Writes the embedding of <paramref name="text"/> into <paramref name="destination"/> (256 values).</summary>
    public static void Embed(ReadOnlySpan<char> text, Span<float> destination)
    {
        if (destination.Length != Dimensions)
        {
            throw new ArgumentException($"The destination needs {Dimensions} values.", nameof(destination));
        }
        destination.Clear();
        var words = new List<uint>();
        var trigrams = new List<uint>();
        Span<char> buffer = stackalloc char[WordTokenizer.MaxWordLength];
        Span<char> padded = stackalloc char[WordTokenizer.MaxWordLength + 2];
        foreach (var word in new WordTokenizer(text, buffer))
        {
            words.Add(Hash(word, 0x9E3779B9u));
            padded[0] = '<';
            word.CopyTo(padded[1..]);
            padded[word.Length + 1] = '>';
            var withBounds = padded[..(word.Length + 2)];
            for (var i = 0; i + 3 <= withBounds.Length; i++)
            {
                trigrams.Add(Hash(withBounds.Slice(i, 3), 0x85EBCA6Bu));
            }
        }
        AddFeatures(words, 1f, destination);
        AddFeatures(trigrams, TrigramWeight, destination);
        GloveSifEmbeddingGenerator.Normalize(destination);
    }

    /// <summary>Each distinct feature adds sign(h) * weight * (1 + ln tf) to bucket h mod 256.</summary>
    private static void AddFeatures(List<uint> hashes, float weight, Span<float> destination)
    {
        hashes.Sort();
        for (var start = 0; start < hashes.Count;)
        {
            var end = start + 1;
            while (end < hashes.Count && hashes[end] == hashes[start])
            {
                end++;
            }
            var hash = hashes[start];
            var sign = (hash & 0x80000000u) == 0 ? 1f : -1f;
            destination[(int)(hash % Dimensions)] += sign * weight * (1 + MathF.Log(end - start));
            start = end;
        }
    }

    private static uint Hash(ReadOnlySpan<char> text, uint seed)
    {
        var hash = 2166136261u ^ seed;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }
        // FNV's low bits mix poorly: a final avalanche (murmur3's) before taking the bucket and the sign.
        hash ^= hash >> 16;
        hash *= 0x85EBCA6Bu;
        hash ^= hash >> 13;
        hash *= 0xC2B2AE35u;
        hash ^= hash >> 16;
        return hash;
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? Metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }
}
