namespace Bot.Core.Dialogs;

/// <summary>The state of the dialog stack after a turn.</summary>
public enum DialogTurnStatus
{
    /// <summary>The stack is empty.</summary>
    Empty,

    /// <summary>The active dialog waits for the user's next activity.</summary>
    Waiting,

    /// <summary>The dialog ended; its result is in <see cref="DialogTurnResult.Result"/>.</summary>
    Complete,

    /// <summary>The dialogs were cancelled.</summary>
    Cancelled,

    /// <summary>The dialog completed but the turn should wait for more input.</summary>
    CompleteAndWait,
}
