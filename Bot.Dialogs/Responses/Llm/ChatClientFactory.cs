using System.ClientModel;
using System.ClientModel.Primitives;
using Bot.Knowledge.Embeddings;
using Microsoft.Extensions.AI;
using OpenAI.Chat;

namespace Bot.Dialogs.Responses.Llm;

/// <summary>
/// OpenAI, Azure OpenAI and Ollama chat through one client: OpenAI's <see cref="ChatClient"/> as an
/// <see cref="IChatClient"/>, pointed at OpenAI, an Azure resource's OpenAI-compatible <c>/openai/v1</c> endpoint,
/// Ollama's <c>/v1</c>, or any other OpenAI-compatible server.
/// </summary>
public static class ChatClientFactory
{
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
            LlmProvider.Ollama => options.Endpoint ?? OpenAICompatibleClient.DefaultOllamaEndpoint,
            LlmProvider.AzureOpenAI => OpenAICompatibleClient.AzureEndpoint(options.Endpoint
                ?? throw new InvalidOperationException("Llm:Endpoint must be the Azure OpenAI resource (https://NAME.openai.azure.com).")),
            _ => options.Endpoint,
        };

        // The answer's own timeout (a cancellation) is the real limit; the network timeout only stops a hung connection.
        var clientOptions = OpenAICompatibleClient.Options(
            endpoint, options.Provider == LlmProvider.AzureOpenAI, apiKey, options.Timeout + TimeSpan.FromSeconds(5), new ClientRetryPolicy(options.MaxRetries));
        return new ChatClient(model, new ApiKeyCredential(apiKey), clientOptions).AsIChatClient();
    }
}
