namespace Bot.Core.Dialogs;

/// <summary>A dialog that runs its own set of dialogs on an inner stack.</summary>
public abstract class DialogContainer : Dialog
{
    protected DialogContainer(string? dialogId = null)
        : base(dialogId)
    {
    }

    public DialogSet Dialogs { get; protected set; } = new();

    /// <summary>Creates the context of the inner stack of the active instance of <paramref name="dc"/>.</summary>
    public abstract DialogContext CreateChildContext(DialogContext dc);

    public virtual Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId);
}
