using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace Bot.Dialogs.Responses.Llm;

/// <summary>
/// OpenAI, Azure OpenAI and Ollama chat through one client: OpenAI's <see cref="ChatClient"/> as an
/// <see cref="IChatClient"/>, pointed at OpenAI, an Azure resource's OpenAI-compatible <c>/openai/v1</c> endpoint,
/// Ollama's <c>/v1</c>, or any other OpenAI-compatible server.
/// </summary>
public static class ChatClientFactory
{
    public static readonly Uri DefaultOllamaEndpoint = new("http://localhost:11434/v1");

    public static IChatClient Create(LlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsConfigured)
        {
            throw new InvalidOperationException("Llm:Provider is None: there is no chat model to create.");
        }
        var model = options.Model ?? options.Provider switch
        {
            LlmProvider.OpenAI => "gpt-4o-mini",
            LlmProvider.Ollama => "llama3.2",
            _ => throw new InvalidOperationException("Llm:Model must name the Azure OpenAI deployment."),
        };
        var apiKey = string.IsNullOrWhiteSpace(options.ApiKey)
            ? options.Provider == LlmProvider.Ollama || options.Endpoint is not null
                ? "unused"
                : throw new InvalidOperationException($"Llm:ApiKey is required for the {options.Provider} provider.")
            : options.ApiKey;
        var endpoint = options.Provider switch
        {
            LlmProvider.Ollama => options.Endpoint ?? DefaultOllamaEndpoint,
            LlmProvider.AzureOpenAI => AzureEndpoint(options.Endpoint
                ?? throw new InvalidOperationException("Llm:Endpoint must be the Azure OpenAI resource (https://NAME.openai.azure.com).")),
            _ => options.Endpoint,
        };

        var clientOptions = new OpenAIClientOptions
        {
            // The answer's own timeout (a cancellation) is the real limit; this only stops a hung connection.
            NetworkTimeout = options.Timeout + TimeSpan.FromSeconds(5),
            RetryPolicy = new ClientRetryPolicy(options.MaxRetries),
        };
        if (endpoint is not null)
        {
            clientOptions.Endpoint = new Uri(endpoint.ToString().TrimEnd('/'));
        }
        if (options.Provider == LlmProvider.AzureOpenAI)
        {
            clientOptions.AddPolicy(new HeaderPolicy("api-key", apiKey), PipelinePosition.PerCall);
        }
        return new ChatClient(model, new ApiKeyCredential(apiKey), clientOptions).AsIChatClient();
    }

    /// <summary>The resource address as given, or with <c>/openai/v1</c> added when it has no path.</summary>
    private static Uri AzureEndpoint(Uri resource) =>
        resource.AbsolutePath.Trim('/').Length == 0 ? new Uri(resource, "/openai/v1") : resource;

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
