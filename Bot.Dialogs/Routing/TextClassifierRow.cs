namespace Bot.Dialogs.Routing;

/// <summary>A <see cref="TextClassifier"/> training or prediction input (public for ML.NET's reflection).</summary>
public sealed class TextClassifierRow
{
    public string Text { get; set; } = "";

    public string Label { get; set; } = "";
}
