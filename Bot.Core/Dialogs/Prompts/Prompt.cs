using Bot.Core.Schema;

namespace Bot.Core.Dialogs;

/// <summary>
/// The base of prompts: sends a question, recognizes the answer, validates it and re-asks until it is valid.
/// Persists "options" and "state" (with "AttemptCount") in its instance state.
/// </summary>
public abstract class Prompt<T> : Dialog
{
    internal const string AttemptCountKey = "AttemptCount";

    private const string PersistedOptions = "options";
    private const string PersistedState = "state";

    private readonly PromptValidator<T>? _validator;

    protected Prompt(string dialogId, PromptValidator<T>? validator = null)
        : base(dialogId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dialogId);
        _validator = validator;
    }

    /// <inheritdoc/>
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (options is not PromptOptions opt)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Prompt options are required for Prompt dialogs");
        }

        if (opt.Prompt != null && string.IsNullOrEmpty(opt.Prompt.InputHint))
        {
            opt.Prompt.InputHint = InputHints.ExpectingInput;
        }

        if (opt.RetryPrompt != null && string.IsNullOrEmpty(opt.RetryPrompt.InputHint))
        {
            opt.RetryPrompt.InputHint = InputHints.ExpectingInput;
        }

        var state = new Dictionary<string, object?>(StringComparer.Ordinal) { [AttemptCountKey] = 0 };
        dc.ActiveDialog!.State[PersistedOptions] = opt;
        dc.ActiveDialog.State[PersistedState] = state;
        await OnPromptAsync(dc.Context, state, opt, false, cancellationToken);
        return EndOfTurn;
    }

    /// <inheritdoc/>
    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return EndOfTurn;
        }

        var (state, options) = ReadInstance(dc.ActiveDialog!);
        var recognized = await OnRecognizeAsync(dc.Context, state, options, cancellationToken);
        state[AttemptCountKey] = DialogStateConvert.To<int>(state.TryGetValue(AttemptCountKey, out var attempts) ? attempts : null) + 1;

        var isValid = _validator != null
            ? await _validator(new PromptValidatorContext<T>(dc.Context, recognized, state, options), cancellationToken)
            : recognized.Succeeded;
        if (isValid)
        {
            return await dc.EndDialogAsync(recognized.Value, cancellationToken);
        }

        // A validator that already answered has said why; do not stack the retry prompt on top.
        if (!dc.Context.Responded)
        {
            await OnPromptAsync(dc.Context, state, options, true, cancellationToken);
        }

        return EndOfTurn;
    }

    /// <summary>Re-prompts: a dialog pushed on top of the prompt ended, and the prompt still needs its answer.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken);
        return EndOfTurn;
    }

    /// <inheritdoc/>
    public override async Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var (state, options) = ReadInstance(instance);
        await OnPromptAsync(turnContext, state, options, false, cancellationToken);
    }

    /// <summary>Sends the prompt (or, on a retry, the retry prompt).</summary>
    protected abstract Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken = default);

    /// <summary>Recognizes the user's answer.</summary>
    protected abstract Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken = default);

    /// <summary>Returns a copy of <paramref name="prompt"/> with <paramref name="choices"/> shown in <paramref name="style"/>.</summary>
    protected static Activity AppendChoices(Activity? prompt, string? channelId, IList<Choice> choices, ListStyle style, ChoiceFactoryOptions? options = null)
    {
        var text = prompt?.Text ?? string.Empty;
        var message = style switch
        {
            ListStyle.Inline => ChoiceFactory.Inline(choices, text, null, options),
            ListStyle.List => ChoiceFactory.List(choices, text, null, options),
            ListStyle.SuggestedAction => ChoiceFactory.SuggestedAction(choices, text),
            ListStyle.HeroCard => ChoiceFactory.HeroCard(choices, text),
            ListStyle.None => MessageFactory.Text(text),
            _ => ChoiceFactory.ForChannel(channelId, choices, text, null, options),
        };

        if (prompt == null)
        {
            message.InputHint = InputHints.ExpectingInput;
            return message;
        }

        var result = prompt.Clone();
        result.Text = message.Text;
        if (message.SuggestedActions is { Actions.Count: > 0 })
        {
            result.SuggestedActions = message.SuggestedActions;
        }

        if (message.Attachments is { Count: > 0 })
        {
            result.Attachments = [.. result.Attachments ?? [], .. message.Attachments];
        }

        return result;
    }

    private static (IDictionary<string, object?> State, PromptOptions Options) ReadInstance(DialogInstance instance)
    {
        var state = DialogStateConvert.Materialize<Dictionary<string, object?>>(instance.State, PersistedState);
        if (state == null)
        {
            state = new Dictionary<string, object?>(StringComparer.Ordinal) { [AttemptCountKey] = 0 };
            instance.State[PersistedState] = state;
        }

        var options = DialogStateConvert.Materialize<PromptOptions>(instance.State, PersistedOptions) ?? new PromptOptions();
        return (state, options);
    }
}
