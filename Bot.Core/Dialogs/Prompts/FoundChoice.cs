namespace Bot.Core.Dialogs;

/// <summary>The choice a user's answer matched.</summary>
public sealed class FoundChoice
{
    public string Value { get; set; } = string.Empty;

    /// <summary>Gets or sets the index of the choice in the prompt's list.</summary>
    public int Index { get; set; }

    /// <summary>Gets or sets how much of the answer matched, from 0 to 1.</summary>
    public float Score { get; set; }

    /// <summary>Gets or sets the value, synonym or number that matched.</summary>
    public string? Synonym { get; set; }
}
