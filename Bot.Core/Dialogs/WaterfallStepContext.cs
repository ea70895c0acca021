namespace Bot.Core.Dialogs;

/// <summary>The context of one waterfall step: the dialog context plus the step's index, options, values and the previous result.</summary>
public sealed class WaterfallStepContext : DialogContext
{
    private readonly WaterfallDialog _parentWaterfall;
    private bool _nextCalled;

    internal WaterfallStepContext(WaterfallDialog parentWaterfall, DialogContext dc, object? options, IDictionary<string, object?> values, int index, DialogReason reason, object? result = null)
        : base(dc.Dialogs, dc.Context, new DialogState(dc.Stack))
    {
        _parentWaterfall = parentWaterfall;
        Parent = dc.Parent;
        Options = options;
        Values = values;
        Index = index;
        Reason = reason;
        Result = result;
    }

    public int Index { get; }

    /// <summary>Gets the options the waterfall was started with (JSON after a reload; see <see cref="DialogStateConvert"/>).</summary>
    public object? Options { get; }

    public DialogReason Reason { get; }

    /// <summary>Gets the result of the previous step or of the child dialog it started.</summary>
    public object? Result { get; }

    /// <summary>Gets the values kept for the lifetime of this waterfall instance (JSON after a reload).</summary>
    public IDictionary<string, object?> Values { get; }

    /// <summary>Skips to the next step, passing <paramref name="result"/> as its <see cref="Result"/>.</summary>
    public async Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        if (result is CancellationToken)
        {
            throw new ArgumentException($"{nameof(result)} cannot be a cancellation token", nameof(result));
        }

        if (_nextCalled)
        {
            throw new InvalidOperationException($"WaterfallStepContext.NextAsync(): method already called for dialog and step '{_parentWaterfall.Id}[{Index}]'.");
        }

        _nextCalled = true;
        return await _parentWaterfall.ResumeDialogAsync(this, DialogReason.NextCalled, result, cancellationToken);
    }
}
