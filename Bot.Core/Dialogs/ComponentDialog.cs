namespace Bot.Core.Dialogs;

/// <summary>
/// A dialog made of other dialogs; its inner stack is persisted in its own instance state under "dialogs".
/// </summary>
public class ComponentDialog : DialogContainer
{
    /// <summary>The instance-state key of the inner dialog stack.</summary>
    public const string PersistedDialogState = "dialogs";

    public ComponentDialog(string? dialogId = null)
        : base(dialogId)
    {
    }

    /// <summary>Gets or sets the id of the dialog started on begin; defaults to the first dialog added.</summary>
    public string? InitialDialogId { get; set; }

    /// <inheritdoc/>
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (options is CancellationToken)
        {
            throw new ArgumentException($"{nameof(options)} cannot be a cancellation token", nameof(options));
        }

        var innerDc = CreateChildContext(dc);
        var turnResult = await OnBeginDialogAsync(innerDc, options, cancellationToken);
        return turnResult.Status != DialogTurnStatus.Waiting
            ? await EndComponentAsync(dc, turnResult.Result, cancellationToken)
            : EndOfTurn;
    }

    /// <inheritdoc/>
    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var innerDc = CreateChildContext(dc);
        var turnResult = await OnContinueDialogAsync(innerDc, cancellationToken);
        return turnResult.Status != DialogTurnStatus.Waiting
            ? await EndComponentAsync(dc, turnResult.Result, cancellationToken)
            : EndOfTurn;
    }

    /// <summary>
    /// Re-prompts instead of ending: a dialog pushed on top of this component (rather than on its inner stack)
    /// has ended, and the inner dialog is still waiting for its answer.
    /// </summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken);
        return EndOfTurn;
    }

    /// <inheritdoc/>
    public override async Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        var innerDc = CreateInnerDc(turnContext, instance);
        await innerDc.RepromptDialogAsync(cancellationToken);
        await OnRepromptDialogAsync(turnContext, instance, cancellationToken);
    }

    /// <inheritdoc/>
    public override async Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
    {
        if (reason == DialogReason.CancelCalled)
        {
            var innerDc = CreateInnerDc(turnContext, instance);
            await innerDc.CancelAllDialogsAsync(cancellationToken);
        }

        await OnEndDialogAsync(turnContext, instance, reason, cancellationToken);
    }

    /// <summary>Adds a dialog to the inner set; the first one added becomes <see cref="InitialDialogId"/>.</summary>
    public ComponentDialog AddDialog(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        Dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        return this;
    }

    /// <inheritdoc/>
    public override DialogContext CreateChildContext(DialogContext dc)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return new DialogContext(Dialogs, dc, InnerState(dc.ActiveDialog!));
    }

    protected virtual Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        return innerDc.BeginDialogAsync(InitialDialogId ?? throw new InvalidOperationException($"ComponentDialog '{Id}' has no dialogs."), options, cancellationToken);
    }

    protected virtual Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        return innerDc.ContinueDialogAsync(cancellationToken);
    }

    protected virtual Task OnEndDialogAsync(ITurnContext context, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;

    protected virtual Task OnRepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;

    /// <summary>Ends this component, returning <paramref name="result"/> to the dialog that started it.</summary>
    protected virtual Task<DialogTurnResult> EndComponentAsync(DialogContext outerDc, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        return outerDc.EndDialogAsync(result, cancellationToken);
    }

    private static DialogState InnerState(DialogInstance instance)
    {
        var state = DialogStateConvert.Materialize<DialogState>(instance.State, PersistedDialogState);
        if (state == null)
        {
            state = new DialogState();
            instance.State[PersistedDialogState] = state;
        }

        state.DialogStack ??= [];
        return state;
    }

    private DialogContext CreateInnerDc(ITurnContext turnContext, DialogInstance instance) =>
        new(Dialogs, turnContext, InnerState(instance));
}
