using Bot.Core.Schema;

namespace Bot.Core.Dialogs;

/// <summary>Asks for any text answer.</summary>
public sealed class TextPrompt(string dialogId, PromptValidator<string>? validator = null) : Prompt<string>(dialogId, validator)
{
    /// <inheritdoc/>
    protected override async Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var prompt = isRetry && options.RetryPrompt != null ? options.RetryPrompt : options.Prompt;
        if (prompt != null)
        {
            // Send a copy: the options live in dialog state, and sending stamps ids and addresses on the activity.
            await turnContext.SendActivityAsync(prompt.Clone(), cancellationToken);
        }
    }

    /// <inheritdoc/>
    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var result = new PromptRecognizerResult<string>();
        if (turnContext.Activity.Type == ActivityTypes.Message && turnContext.Activity.Text != null)
        {
            result.Succeeded = true;
            result.Value = turnContext.Activity.Text;
        }

        return Task.FromResult(result);
    }
}
