namespace Bot.Core.Dialogs;

/// <summary>The dialogs a <see cref="DialogContext"/> can start, by id, and the accessor of their persisted stack.</summary>
public sealed class DialogSet
{
    private readonly IStatePropertyAccessor<DialogState>? _dialogState;
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);

    public DialogSet(IStatePropertyAccessor<DialogState>? dialogState = null)
    {
        _dialogState = dialogState;
    }

    /// <summary>Adds a dialog; a different dialog with a taken id is renamed with a numeric suffix, as the SDK does.</summary>
    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (_dialogs.TryGetValue(dialog.Id, out var existing))
        {
            if (ReferenceEquals(existing, dialog))
            {
                return this;
            }

            var suffix = 2;
            while (_dialogs.ContainsKey(dialog.Id + suffix))
            {
                suffix++;
            }

            dialog.Id += suffix;
        }

        _dialogs[dialog.Id] = dialog;
        return this;
    }

    public Dialog? Find(string dialogId)
    {
        ArgumentNullException.ThrowIfNull(dialogId);
        return _dialogs.GetValueOrDefault(dialogId);
    }

    public IEnumerable<Dialog> GetDialogs() => _dialogs.Values;

    /// <summary>Loads the dialog stack through the accessor and returns a context over it.</summary>
    public async Task<DialogContext> CreateContextAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (_dialogState == null)
        {
            throw new InvalidOperationException("DialogSet.CreateContextAsync(): DialogSet created with a null IStatePropertyAccessor.");
        }

        var state = await _dialogState.GetAsync(turnContext, () => new DialogState(), cancellationToken);
        return new DialogContext(this, turnContext, state);
    }
}
