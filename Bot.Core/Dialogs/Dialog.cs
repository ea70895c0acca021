namespace Bot.Core.Dialogs;

/// <summary>The base of all dialogs: a unit of conversation that lives on the dialog stack across turns.</summary>
public abstract class Dialog
{
    /// <summary>The result a dialog returns while it waits for the user.</summary>
    public static readonly DialogTurnResult EndOfTurn = new(DialogTurnStatus.Waiting);

    private string? _id;

    protected Dialog(string? dialogId)
    {
        _id = dialogId;
    }

    /// <summary>Gets or sets the id, unique within its <see cref="DialogSet"/>; defaults to <see cref="OnComputeId"/>.</summary>
    public string Id
    {
        get => _id ??= OnComputeId();
        set => _id = value;
    }

    /// <summary>Starts the dialog; its instance is already on top of <see cref="DialogContext.Stack"/>.</summary>
    public abstract Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default);

    /// <summary>Handles the user's next activity; by default ends the dialog.</summary>
    public virtual Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.EndDialogAsync(null, cancellationToken);
    }

    /// <summary>Called when a child dialog ended; by default ends this dialog with the child's result.</summary>
    public virtual Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.EndDialogAsync(result, cancellationToken);
    }

    public virtual Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;

    /// <summary>Called when the instance leaves the stack (ended, replaced or cancelled).</summary>
    public virtual Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;

    public virtual string GetVersion() => Id;

    /// <summary>Handles an event: pre-bubble, then the parent (when bubbling), then post-bubble.</summary>
    /// <returns>True when the event was handled.</returns>
    public virtual async Task<bool> OnDialogEventAsync(DialogContext dc, DialogEvent e, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        ArgumentNullException.ThrowIfNull(e);
        var handled = await OnPreBubbleEventAsync(dc, e, cancellationToken);
        if (!handled && e.Bubble && dc.Parent != null)
        {
            handled = await dc.Parent.EmitEventAsync(e.Name, e.Value, true, false, cancellationToken);
        }

        if (!handled)
        {
            handled = await OnPostBubbleEventAsync(dc, e, cancellationToken);
        }

        return handled;
    }

    protected virtual Task<bool> OnPreBubbleEventAsync(DialogContext dc, DialogEvent e, CancellationToken cancellationToken) =>
        Task.FromResult(false);

    protected virtual Task<bool> OnPostBubbleEventAsync(DialogContext dc, DialogEvent e, CancellationToken cancellationToken) =>
        Task.FromResult(false);

    protected virtual string OnComputeId() => GetType().Name;
}
