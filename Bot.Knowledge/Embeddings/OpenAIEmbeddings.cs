using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI.Embeddings;

namespace Bot.Knowledge.Embeddings;

/// <summary>
/// OpenAI, Azure OpenAI and Ollama embeddings through one client: OpenAI's <see cref="EmbeddingClient"/> as an
/// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>, pointed at OpenAI, at an Azure resource's OpenAI-compatible
/// <c>/openai/v1</c> endpoint, or at Ollama's <c>/v1</c>.
/// </summary>
public static class OpenAIEmbeddings
{
    /// <summary>Ollama's OpenAI-compatible endpoint on this machine.</summary>

    private static readonly Dictionary<string, int> KnownDimensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["text-embedding-3-small"] = 1536,
        ["text-embedding-3-large"] = 3072,
        ["text-embedding-ada-002"] = 1536,
        ["nomic-embed-text"] = 768,
        ["mxbai-embed-large"] = 1024,
        ["all-minilm"] = 384,
        ["snowflake-arctic-embed"] = 1024,
        ["bge-m3"] = 1024,
    };

    /// <summary>Builds the generator and its <see cref="EmbedderInfo"/> for <paramref name="options"/>' provider.</summary>
    public static (IEmbeddingGenerator<string, Embedding<float>> Generator, EmbedderInfo Info) Create(EmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var provider = options.Provider;
        if (provider is not (EmbeddingProvider.OpenAI or EmbeddingProvider.AzureOpenAI or EmbeddingProvider.Ollama))
        {
            throw new ArgumentException($"{provider} is not an OpenAI-compatible provider.", nameof(options));
        }

        var model = options.Model ?? provider switch
        {
            EmbeddingProvider.OpenAI => "text-embedding-3-small",
            EmbeddingProvider.Ollama => "nomic-embed-text",
            _ => throw new InvalidOperationException("Embeddings:Model must name the Azure OpenAI embeddings deployment."),
        };
        var apiKey = options.ApiKey;
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            apiKey = provider == EmbeddingProvider.Ollama
                ? "ollama"
                : throw new InvalidOperationException($"Embeddings:ApiKey is required for the {provider} embeddings provider.");
        }
        var endpoint = provider switch
        {
            EmbeddingProvider.Ollama => options.Endpoint ?? OpenAICompatibleClient.DefaultOllamaEndpoint,
            EmbeddingProvider.AzureOpenAI => OpenAICompatibleClient.AzureEndpoint(options.Endpoint
                ?? throw new InvalidOperationException("Embeddings:Endpoint must be the Azure OpenAI resource (https://NAME.openai.azure.com).")),
            _ => options.Endpoint,
        };
        int dimensions;
        if (options.Dimensions is { } configured)
        {
            dimensions = configured;
        }
        else if (!KnownDimensions.TryGetValue(model, out dimensions))
        {
            throw new InvalidOperationException($"Embeddings:Dimensions is required: the vector length of '{model}' is not known here.");
        }

        var clientOptions = OpenAICompatibleClient.Options(endpoint, provider == EmbeddingProvider.AzureOpenAI, apiKey, TimeSpan.FromSeconds(60));
        var client = new EmbeddingClient(model, new ApiKeyCredential(apiKey), clientOptions);

        var prefix = provider switch
        {
            EmbeddingProvider.OpenAI => "openai",
            EmbeddingProvider.AzureOpenAI => "azureopenai",
            _ => "ollama",
        };
        var name = $"{prefix}:{model}";
        // No default dimensions here: the OpenAI generator would send them with every request, which
        // text-embedding-ada-002 and Ollama refuse. They are asked for only when configured.
        IEmbeddingGenerator<string, Embedding<float>> generator = client.AsIEmbeddingGenerator();
        if (options.Dimensions is { } requested && provider != EmbeddingProvider.Ollama)
        {
            // text-embedding-3 models shorten their vectors on request.
            generator = generator.AsBuilder().ConfigureOptions(o => o.Dimensions ??= requested).Build();
        }
        generator = new NormalizingEmbeddingGenerator(generator, name, dimensions, Math.Min(options.BatchSize, 2048));
        return (generator, new EmbedderInfo(name, dimensions));
    }
}
