namespace Bot.Core.Dialogs;

/// <summary>One entry of the dialog stack: the dialog's id and everything it persists between turns.</summary>
/// <remarks>After a save and reload, the values of <see cref="State"/> are JSON; read them with <see cref="DialogStateConvert"/>.</remarks>
public sealed class DialogInstance
{
    public string Id { get; set; } = string.Empty;

    public Dictionary<string, object?> State { get; set; } = new(StringComparer.Ordinal);

    public int? StackIndex { get; set; }

    public string? Version { get; set; }
}
