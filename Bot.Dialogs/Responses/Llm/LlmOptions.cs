using System.ComponentModel.DataAnnotations;

namespace Bot.Dialogs.Responses.Llm;

/// <summary>
/// The chat model (section <c>Llm</c>). With a provider set, an <c>IChatClient</c> is registered and answers are
/// generated from the retrieved passages; without one, answers are extractive.
/// </summary>
public sealed class LlmOptions : IValidatableObject
{
    public const string SectionName = "Llm";

    public LlmProvider Provider { get; set; } = LlmProvider.None;

    /// <summary>The API base address: OpenAI's by default, Ollama's <c>http://localhost:11434/v1</c>, the Azure resource, or any compatible server.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The API key (OpenAI, Azure OpenAI); Ollama needs none.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The model, or the Azure deployment name.</summary>
    public string? Model { get; set; }

    /// <summary>How long an answer may take before the extractive answer is sent instead.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Retries of a failed request inside <see cref="Timeout"/> (the extractive answer is the real fallback).</summary>
    [Range(0, 5)]
    public int MaxRetries { get; set; }

    /// <summary>How many retrieved passages the model sees.</summary>
    [Range(1, 20)]
    public int MaxPassages { get; set; } = 4;

    [Range(16, 4096)]
    public int MaxOutputTokens { get; set; } = 400;

    [Range(0, 2)]
    public float Temperature { get; set; } = 0.2f;

    public bool IsConfigured => Provider != LlmProvider.None;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(5))
        {
            yield return new ValidationResult("Llm:Timeout must be between 00:00:00.001 and 00:05:00.", [nameof(Timeout)]);
        }
        if (Provider is LlmProvider.OpenAI or LlmProvider.AzureOpenAI && string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return new ValidationResult($"Llm:ApiKey is required for the {Provider} provider (environment Llm__ApiKey).", [nameof(ApiKey)]);
        }
        if (Provider == LlmProvider.AzureOpenAI && (Endpoint is null || string.IsNullOrWhiteSpace(Model)))
        {
            yield return new ValidationResult(
                "Llm:Endpoint (https://NAME.openai.azure.com) and Llm:Model (the deployment) are required for Azure OpenAI.",
                [nameof(Endpoint), nameof(Model)]);
        }
    }
}
