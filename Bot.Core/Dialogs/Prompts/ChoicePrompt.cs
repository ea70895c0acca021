using Bot.Core.Schema;

namespace Bot.Core.Dialogs;

/// <summary>Asks the user to pick one of <see cref="PromptOptions.Choices"/>; returns a <see cref="FoundChoice"/>.</summary>
public sealed class ChoicePrompt(string dialogId, PromptValidator<FoundChoice>? validator = null) : Prompt<FoundChoice>(dialogId, validator)
{
    /// <summary>Gets or sets how the choices are shown (overridden by <see cref="PromptOptions.Style"/>).</summary>
    public ListStyle Style { get; set; } = ListStyle.Auto;

    /// <summary>Gets or sets the wording of inline and numbered lists.</summary>
    public ChoiceFactoryOptions? ChoiceOptions { get; set; }

    /// <inheritdoc/>
    protected override async Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var prompt = isRetry && options.RetryPrompt != null ? options.RetryPrompt : options.Prompt;
        var activity = AppendChoices(prompt, turnContext.Activity.ChannelId, options.Choices ?? [], options.Style ?? Style, ChoiceOptions);
        await turnContext.SendActivityAsync(activity, cancellationToken);
    }

    /// <inheritdoc/>
    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var result = new PromptRecognizerResult<FoundChoice>();
        if (turnContext.Activity.Type == ActivityTypes.Message)
        {
            var found = ChoiceRecognizers.RecognizeChoices(turnContext.Activity.Text, options.Choices ?? []);
            if (found.Count > 0)
            {
                result.Succeeded = true;
                result.Value = found[0];
            }
        }

        return Task.FromResult(result);
    }
}
