namespace Bot.Core.Dialogs;

/// <summary>What a dialog operation left behind: the stack status and, when a dialog ended, its result.</summary>
public sealed class DialogTurnResult
{
    public DialogTurnResult(DialogTurnStatus status, object? result = null)
    {
        Status = status;
        Result = result;
    }

    public DialogTurnStatus Status { get; set; }

    public object? Result { get; set; }

    /// <summary>Gets or sets a value indicating whether the parent dialog ended too.</summary>
    public bool ParentEnded { get; set; }
}
