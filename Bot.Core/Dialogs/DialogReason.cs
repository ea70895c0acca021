namespace Bot.Core.Dialogs;

/// <summary>Why a dialog is being resumed, stepped or ended.</summary>
public enum DialogReason
{
    BeginCalled,
    ContinueCalled,
    EndCalled,
    ReplaceCalled,
    CancelCalled,
    NextCalled,
}
