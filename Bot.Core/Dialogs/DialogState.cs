namespace Bot.Core.Dialogs;

/// <summary>The persisted dialog stack (index 0 = top).</summary>
public sealed class DialogState
{
    public DialogState()
    {
    }

    public DialogState(List<DialogInstance>? stack)
    {
        DialogStack = stack ?? [];
    }

    public List<DialogInstance> DialogStack { get; set; } = [];
}
