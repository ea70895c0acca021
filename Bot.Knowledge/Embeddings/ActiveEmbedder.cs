using Microsoft.Extensions.AI;

namespace Bot.Knowledge.Embeddings;

/// <summary>The embedder chosen from <see cref="EmbeddingOptions"/>: its generator (behind the query cache) and its description.</summary>
public sealed class ActiveEmbedder(IEmbeddingGenerator<string, Embedding<float>> generator, EmbedderInfo info) : IDisposable
{
    /// <summary>The generator, with single-query calls going through the LRU cache.</summary>
    public IEmbeddingGenerator<string, Embedding<float>> Generator { get; } = generator;

    public EmbedderInfo Info { get; } = info;

    public void Dispose() => Generator.Dispose();
}
