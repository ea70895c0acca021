namespace Bot.Dialogs.Responses.Llm;

/// <summary>Which chat model service <see cref="LlmOptions"/> points at.</summary>
public enum LlmProvider
{
    /// <summary>No language model: extractive answers and the local router only.</summary>
    None,

    /// <summary>OpenAI's API, or any OpenAI-compatible endpoint given in <see cref="LlmOptions.Endpoint"/>.</summary>
    OpenAI,

    /// <summary>An Azure OpenAI resource (its OpenAI-compatible <c>/openai/v1</c> endpoint); the model is the deployment name.</summary>
    AzureOpenAI,

    /// <summary>Ollama's OpenAI-compatible endpoint (<c>http://localhost:11434/v1</c> by default).</summary>
    Ollama,
}
