using Microsoft.Extensions.AI;

namespace Bot.Knowledge.Embeddings;

/// <summary>
/// Wraps a remote generator so it keeps this project's contract: requests of at most <c>batchSize</c> texts (APIs
/// cap inputs per request), vectors of the announced length (a wrong model or deployment fails loudly instead of
/// writing mixed vectors), and unit length (Ollama's and some Azure models' vectors are not normalised).
/// </summary>
public sealed class NormalizingEmbeddingGenerator(
    IEmbeddingGenerator<string, Embedding<float>> innerGenerator, string name, int dimensions, int batchSize)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(innerGenerator)
{
    /// <inheritdoc/>
    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var all = values as IReadOnlyList<string> ?? [.. values];
        var result = new GeneratedEmbeddings<Embedding<float>>(all.Count);
        for (var start = 0; start < all.Count; start += batchSize)
        {
            var batch = all.Skip(start).Take(batchSize).ToList();
            var generated = await base.GenerateAsync(batch, options, cancellationToken);
            if (generated.Count != batch.Count)
            {
                throw new InvalidOperationException($"The embedder '{name}' returned {generated.Count} vectors for {batch.Count} texts.");
            }
            foreach (var embedding in generated)
            {
                if (embedding.Vector.Length != dimensions)
                {
                    throw new InvalidOperationException(
                        $"The embedder '{name}' returned vectors of {embedding.Vector.Length} dimensions, not the configured {dimensions}: set Embeddings:Dimensions to match the model (then run kb reembed).");
                }
                var vector = embedding.Vector.ToArray();
                GloveSifEmbeddingGenerator.Normalize(vector);
                result.Add(new Embedding<float>(vector) { ModelId = embedding.ModelId ?? name, CreatedAt = embedding.CreatedAt });
            }
            if (generated.Usage is { } usage)
            {
                result.Usage ??= new UsageDetails();
                result.Usage.Add(usage);
            }
        }
        return result;
    }
}
