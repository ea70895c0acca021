using Bot.Core.Schema;

namespace Bot.Core.Dialogs;

/// <summary>
/// A dialog that runs its steps in order; each step prompts (or starts a child dialog) and the next step
/// receives the answer. Persists "options", "values", "instanceId" and "stepIndex" in its instance state.
/// </summary>
public class WaterfallDialog : Dialog
{
    private const string PersistedOptions = "options";
    private const string PersistedValues = "values";
    private const string PersistedInstanceId = "instanceId";
    private const string StepIndex = "stepIndex";

    private readonly List<WaterfallStep> _steps;

    public WaterfallDialog(string dialogId, IEnumerable<WaterfallStep>? actions = null)
        : base(dialogId)
    {
        _steps = actions?.ToList() ?? [];
    }

    public WaterfallDialog AddStep(WaterfallStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        _steps.Add(step);
        return this;
    }

    /// <inheritdoc/>
    public override string GetVersion() => $"{Id}:{_steps.Count}";

    /// <inheritdoc/>
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (options is CancellationToken)
        {
            throw new ArgumentException($"{nameof(options)} cannot be a cancellation token", nameof(options));
        }

        var state = dc.ActiveDialog!.State;
        state[PersistedOptions] = options;
        state[PersistedValues] = new Dictionary<string, object?>(StringComparer.Ordinal);
        state[PersistedInstanceId] = Guid.NewGuid().ToString();
        return await RunStepAsync(dc, 0, DialogReason.BeginCalled, null, cancellationToken);
    }

    /// <summary>Runs the next step with the user's text as the result; other activity types are ignored.</summary>
    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return EndOfTurn;
        }

        return await ResumeDialogAsync(dc, DialogReason.ContinueCalled, dc.Context.Activity.Text, cancellationToken);
    }

    /// <inheritdoc/>
    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var index = DialogStateConvert.To<int>(dc.ActiveDialog!.State.GetValueOrDefault(StepIndex));
        return RunStepAsync(dc, index + 1, reason, result, cancellationToken);
    }

    protected virtual Task<DialogTurnResult> OnStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stepContext);
        return _steps[stepContext.Index](stepContext, cancellationToken);
    }

    private async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        if (index >= _steps.Count)
        {
            return await dc.EndDialogAsync(result, cancellationToken);
        }

        var state = dc.ActiveDialog!.State;
        state[StepIndex] = index;
        var values = DialogStateConvert.Materialize<Dictionary<string, object?>>(state, PersistedValues);
        if (values == null)
        {
            values = new Dictionary<string, object?>(StringComparer.Ordinal);
            state[PersistedValues] = values;
        }

        var stepContext = new WaterfallStepContext(this, dc, state.GetValueOrDefault(PersistedOptions), values, index, reason, result);
        return await OnStepAsync(stepContext, cancellationToken);
    }
}
