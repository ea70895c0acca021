using System.ClientModel.Primitives;
using OpenAI;

namespace Bot.Knowledge.Embeddings;

/// <summary>
/// What the embeddings and chat clients share to reach OpenAI, an Azure OpenAI resource's OpenAI-compatible
/// <c>/openai/v1</c> endpoint, Ollama's <c>/v1</c>, or any other OpenAI-compatible server.
/// </summary>
public static class OpenAICompatibleClient
{
    public static readonly Uri DefaultOllamaEndpoint = new("http://localhost:11434/v1");

    /// <summary>The resource address as given, or with <c>/openai/v1</c> added when it has no path.</summary>
    public static Uri AzureEndpoint(Uri resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.AbsolutePath.Trim('/').Length == 0 ? new Uri(resource, "/openai/v1") : resource;
    }

    /// <summary>
    /// Options for an OpenAI SDK client at <paramref name="endpoint"/> (the SDK's default when null); for Azure the key
    /// also goes in the <c>api-key</c> header (Azure's v1 endpoint takes it as a bearer token like OpenAI; api-key is
    /// its classic header).
    /// </summary>
    public static OpenAIClientOptions Options(Uri? endpoint, bool azure, string apiKey, TimeSpan networkTimeout, ClientRetryPolicy? retryPolicy = null)
    {
        var options = new OpenAIClientOptions { NetworkTimeout = networkTimeout };
        if (retryPolicy is not null)
        {
            options.RetryPolicy = retryPolicy;
        }
        if (endpoint is not null)
        {
            options.Endpoint = new Uri(endpoint.ToString().TrimEnd('/'));
        }
        if (azure)
        {
            options.AddPolicy(new HeaderPolicy("api-key", apiKey), PipelinePosition.PerCall);
        }
        return options;
    }

    private sealed class HeaderPolicy(string header, string value) : PipelinePolicy
    {
        public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            message.Request.Headers.Set(header, value);
            ProcessNext(message, pipeline, currentIndex);
        }

        public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            message.Request.Headers.Set(header, value);
            return ProcessNextAsync(message, pipeline, currentIndex);
        }
    }
}
