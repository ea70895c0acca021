namespace Bot.Core.Dialogs;

/// <summary>The dialog stack of one turn, with the operations that move it (begin, continue, end, replace, cancel).</summary>
public class DialogContext
{
    public DialogContext(DialogSet dialogs, ITurnContext turnContext, DialogState state)
    {
        Dialogs = dialogs ?? throw new ArgumentNullException(nameof(dialogs));
        Context = turnContext ?? throw new ArgumentNullException(nameof(turnContext));
        ArgumentNullException.ThrowIfNull(state);
        state.DialogStack ??= [];
        Stack = state.DialogStack;
    }

    public DialogContext(DialogSet dialogs, DialogContext parentDialogContext, DialogState state)
        : this(dialogs, parentDialogContext?.Context ?? throw new ArgumentNullException(nameof(parentDialogContext)), state)
    {
        Parent = parentDialogContext;
    }

    public DialogSet Dialogs { get; }

    public ITurnContext Context { get; }

    /// <summary>Gets the dialog stack; index 0 is the active dialog.</summary>
    public List<DialogInstance> Stack { get; }

    /// <summary>Gets or sets the context of the container dialog this context belongs to.</summary>
    public DialogContext? Parent { get; set; }

    public DialogInstance? ActiveDialog => Stack.Count > 0 ? Stack[0] : null;

    /// <summary>Gets the context of the active dialog's own stack, when the active dialog is a container.</summary>
    public DialogContext? Child =>
        ActiveDialog is { } instance && FindDialog(instance.Id) is DialogContainer container
            ? container.CreateChildContext(this)
            : null;

    /// <summary>Pushes a new instance of <paramref name="dialogId"/> and starts it.</summary>
    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(dialogId);
        if (options is CancellationToken)
        {
            throw new ArgumentException($"{nameof(options)} cannot be a cancellation token", nameof(options));
        }

        var dialog = FindDialog(dialogId)
            ?? throw new InvalidOperationException(
                $"DialogContext.BeginDialogAsync(): A dialog with an id of '{dialogId}' wasn't found. The dialog must be included in the current or parent DialogSet. For example, if subclassing a ComponentDialog you can call AddDialog() within your constructor.");

        Stack.Insert(0, new DialogInstance { Id = dialogId });
        return await dialog.BeginDialogAsync(this, options, cancellationToken);
    }

    /// <summary>Starts a prompt with its <see cref="PromptOptions"/>.</summary>
    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(dialogId);
        ArgumentNullException.ThrowIfNull(options);
        return BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Hands the turn to the active dialog; <see cref="DialogTurnStatus.Empty"/> when there is none.</summary>
    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is not { } instance)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        var dialog = FindDialog(instance.Id)
            ?? throw new InvalidOperationException($"Failed to continue dialog. A dialog with id {instance.Id} could not be found.");
        return await dialog.ContinueDialogAsync(this, cancellationToken);
    }

    /// <summary>Ends the active dialog and resumes its parent with <paramref name="result"/>.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        if (result is CancellationToken)
        {
            throw new ArgumentException($"{nameof(result)} cannot be a cancellation token", nameof(result));
        }

        await EndActiveDialogAsync(DialogReason.EndCalled, cancellationToken);
        if (ActiveDialog is not { } parent)
        {
            return new DialogTurnResult(DialogTurnStatus.Complete, result);
        }

        var dialog = FindDialog(parent.Id)
            ?? throw new InvalidOperationException($"DialogContext.EndDialogAsync(): Can't resume previous dialog. A dialog with an id of '{parent.Id}' wasn't found.");
        return await dialog.ResumeDialogAsync(this, DialogReason.EndCalled, result, cancellationToken);
    }

    /// <summary>Ends the active dialog and starts <paramref name="dialogId"/> in its place.</summary>
    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        await EndActiveDialogAsync(DialogReason.ReplaceCalled, cancellationToken);
        return await BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Cancels every dialog of this stack (not of the parents).</summary>
    public Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default) =>
        CancelAllDialogsAsync(false, null, null, cancellationToken);

    /// <summary>
    /// Cancels every dialog of this stack and, with <paramref name="cancelParents"/>, of the parent stacks. Before each
    /// further dialog is cancelled, <paramref name="eventName"/> (default cancelDialog) is offered to it; a dialog that
    /// handles it stops the cancellation.
    /// </summary>
    public async Task<DialogTurnResult> CancelAllDialogsAsync(bool cancelParents, string? eventName = null, object? eventValue = null, CancellationToken cancellationToken = default)
    {
        eventName ??= DialogEvents.CancelDialog;
        if (Stack.Count == 0 && Parent == null)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        var notify = false;
        DialogContext? dc = this;
        while (dc != null)
        {
            if (dc.Stack.Count > 0)
            {
                if (notify && await dc.EmitEventAsync(eventName, eventValue, false, false, cancellationToken))
                {
                    break;
                }

                await dc.EndActiveDialogAsync(DialogReason.CancelCalled, cancellationToken);
            }
            else
            {
                dc = cancelParents ? dc.Parent : null;
            }

            notify = true;
        }

        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    /// <summary>Asks the active dialog to prompt again.</summary>
    public async Task RepromptDialogAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is not { } instance)
        {
            return;
        }

        var dialog = FindDialog(instance.Id)
            ?? throw new InvalidOperationException($"DialogSet.RepromptDialogAsync(): Can't find A dialog with an id of '{instance.Id}'.");
        await dialog.RepromptDialogAsync(Context, instance, cancellationToken);
    }

    /// <summary>Finds a dialog in this context's set, then in the parents'.</summary>
    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId) ?? Parent?.FindDialog(dialogId);

    /// <summary>Raises an event on the active dialog (of the innermost stack with <paramref name="fromLeaf"/>).</summary>
    /// <returns>True when a dialog handled the event.</returns>
    public async Task<bool> EmitEventAsync(string name, object? value = null, bool bubble = true, bool fromLeaf = false, CancellationToken cancellationToken = default)
    {
        var dialogEvent = new DialogEvent { Bubble = bubble, Name = name, Value = value };
        var dc = this;
        if (fromLeaf)
        {
            while (dc.Child is { } child)
            {
                dc = child;
            }
        }

        if (dc.ActiveDialog is { } instance && dc.FindDialog(instance.Id) is { } dialog)
        {
            return await dialog.OnDialogEventAsync(dc, dialogEvent, cancellationToken);
        }

        return false;
    }

    private async Task EndActiveDialogAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        if (ActiveDialog is not { } instance)
        {
            return;
        }

        if (FindDialog(instance.Id) is { } dialog)
        {
            await dialog.EndDialogAsync(Context, instance, reason, cancellationToken);
        }

        Stack.RemoveAt(0);
    }
}
