using Bot.Core.Schema;

namespace Bot.Core.Dialogs;

/// <summary>An option of a <see cref="ChoicePrompt"/>.</summary>
public sealed class Choice
{
    public Choice()
    {
    }

    public Choice(string value)
    {
        Value = value;
    }

    /// <summary>Gets or sets the value returned when the choice is picked (and its default title).</summary>
    public string Value { get; set; } = string.Empty;

    /// <summary>Gets or sets the action shown for the choice, instead of an imBack of <see cref="Value"/>.</summary>
    public CardAction? Action { get; set; }

    /// <summary>Gets or sets other words that pick this choice.</summary>
    public List<string>? Synonyms { get; set; }
}
