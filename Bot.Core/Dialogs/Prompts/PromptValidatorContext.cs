namespace Bot.Core.Dialogs;

/// <summary>What a <see cref="PromptValidator{T}"/> gets to look at.</summary>
public sealed class PromptValidatorContext<T>
{
    public PromptValidatorContext(ITurnContext turnContext, PromptRecognizerResult<T> recognized, IDictionary<string, object?> state, PromptOptions options)
    {
        Context = turnContext;
        Recognized = recognized;
        State = state;
        Options = options;
    }

    public ITurnContext Context { get; }

    public PromptRecognizerResult<T> Recognized { get; }

    public PromptOptions Options { get; }

    /// <summary>Gets the prompt's persisted state (values are JSON after a reload).</summary>
    public IDictionary<string, object?> State { get; }

    /// <summary>Gets the number of answers received so far, this one included.</summary>
    public int AttemptCount => DialogStateConvert.To<int>(State.TryGetValue(Prompt<T>.AttemptCountKey, out var attempts) ? attempts : null);
}
