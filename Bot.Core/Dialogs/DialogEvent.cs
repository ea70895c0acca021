namespace Bot.Core.Dialogs;

/// <summary>An event raised through the dialog tree with <see cref="DialogContext.EmitEventAsync"/>.</summary>
public sealed class DialogEvent
{
    /// <summary>Gets or sets a value indicating whether the event goes on to the parent dialogs when not handled.</summary>
    public bool Bubble { get; set; }

    public string Name { get; set; } = string.Empty;

    public object? Value { get; set; }
}
