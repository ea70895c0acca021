using Bot.Core.Schema;

namespace Bot.Core.Dialogs;

/// <summary>Asks a yes/no question; recognizes English yes/no words, or "1"/"2" for the listed choices.</summary>
public sealed class ConfirmPrompt(string dialogId, PromptValidator<bool>? validator = null) : Prompt<bool>(dialogId, validator)
{
    private static readonly HashSet<string> YesWords = new(StringComparer.Ordinal) { "yes", "y", "yeah", "yep", "sure", "ok", "okay", "true" };
    private static readonly HashSet<string> NoWords = new(StringComparer.Ordinal) { "no", "n", "nope", "false" };

    /// <summary>Gets or sets how the yes/no choices are shown (overridden by <see cref="PromptOptions.Style"/>).</summary>
    public ListStyle Style { get; set; } = ListStyle.Auto;

    /// <summary>Gets or sets the wording of the inline list; numbers are included by default.</summary>
    public ChoiceFactoryOptions? ChoiceOptions { get; set; }

    /// <summary>Gets or sets the yes and no choices shown; "Yes" and "No" by default.</summary>
    public Tuple<Choice, Choice>? ConfirmChoices { get; set; }

    /// <inheritdoc/>
    protected override async Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var prompt = isRetry && options.RetryPrompt != null ? options.RetryPrompt : options.Prompt;
        var activity = AppendChoices(prompt, turnContext.Activity.ChannelId, Choices(), options.Style ?? Style, ChoiceOptions ?? DefaultChoiceOptions());
        await turnContext.SendActivityAsync(activity, cancellationToken);
    }

    /// <inheritdoc/>
    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var result = new PromptRecognizerResult<bool>();
        if (turnContext.Activity.Type != ActivityTypes.Message || string.IsNullOrEmpty(turnContext.Activity.Text))
        {
            return Task.FromResult(result);
        }

        foreach (var word in ChoiceRecognizers.Tokenize(turnContext.Activity.Text))
        {
            if (YesWords.Contains(word) || NoWords.Contains(word))
            {
                result.Succeeded = true;
                result.Value = YesWords.Contains(word);
                return Task.FromResult(result);
            }
        }

        // The prompt showed numbered choices unless told otherwise, so "1" / "2" pick them.
        if ((ChoiceOptions ?? DefaultChoiceOptions()).IncludeNumbers ?? true)
        {
            var found = ChoiceRecognizers.RecognizeChoices(turnContext.Activity.Text, Choices());
            if (found.Count > 0)
            {
                result.Succeeded = true;
                result.Value = found[0].Index == 0;
            }
        }

        return Task.FromResult(result);
    }

    private static ChoiceFactoryOptions DefaultChoiceOptions() =>
        new() { InlineSeparator = ", ", InlineOr = " or ", InlineOrMore = ", or ", IncludeNumbers = true };

    private List<Choice> Choices() =>
        ConfirmChoices is { } custom ? [custom.Item1, custom.Item2] : [new Choice("Yes"), new Choice("No")];
}
