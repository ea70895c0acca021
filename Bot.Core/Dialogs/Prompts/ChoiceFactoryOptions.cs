namespace Bot.Core.Dialogs;

/// <summary>Wording of inline and numbered choice lists.</summary>
public sealed class ChoiceFactoryOptions
{
    public string? InlineSeparator { get; set; }

    public string? InlineOr { get; set; }

    public string? InlineOrMore { get; set; }

    public bool? IncludeNumbers { get; set; }
}
