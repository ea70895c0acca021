using Bot.Core.Schema;

namespace Bot.Core.Dialogs;

/// <summary>What a prompt says and accepts.</summary>
public sealed class PromptOptions
{
    public Activity? Prompt { get; set; }

    /// <summary>Gets or sets the activity sent when the answer was not valid; <see cref="Prompt"/> when null.</summary>
    public Activity? RetryPrompt { get; set; }

    public List<Choice>? Choices { get; set; }

    /// <summary>Gets or sets the list style, overriding the prompt's own.</summary>
    public ListStyle? Style { get; set; }

    /// <summary>Gets or sets extra data for a custom validator (JSON after a reload).</summary>
    public object? Validations { get; set; }
}
