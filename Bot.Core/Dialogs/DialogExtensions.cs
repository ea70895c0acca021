namespace Bot.Core.Dialogs;

/// <summary>Runs a root dialog for a turn.</summary>
public static class DialogExtensions
{
    /// <summary>
    /// The standard loop: continue the active dialog, or begin <paramref name="dialog"/> when the stack is empty.
    /// An exception is first offered to the dialogs as an "error" event from the leaf; unhandled, it is rethrown.
    /// Like the SDK, this does not save state: save the <see cref="BotState"/> at the end of the turn (or use
    /// <see cref="AutoSaveStateMiddleware"/>).
    /// </summary>
    public static async Task RunAsync(this Dialog dialog, ITurnContext turnContext, IStatePropertyAccessor<DialogState> accessor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        var dialogSet = new DialogSet(accessor);
        dialogSet.Add(dialog);
        var dialogContext = await dialogSet.CreateContextAsync(turnContext, cancellationToken);

        while (true)
        {
            try
            {
                var result = await dialogContext.ContinueDialogAsync(cancellationToken);
                if (result.Status == DialogTurnStatus.Empty)
                {
                    await dialogContext.BeginDialogAsync(dialog.Id, null, cancellationToken);
                }

                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A dialog that handles the error event has changed the stack to recover; run the turn again.
                if (!await dialogContext.EmitEventAsync(DialogEvents.Error, ex, true, true, cancellationToken))
                {
                    throw;
                }
            }
        }
    }
}
