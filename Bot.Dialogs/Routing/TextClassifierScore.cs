namespace Bot.Dialogs.Routing;

/// <summary>A <see cref="TextClassifier"/> prediction: one probability per class (public for ML.NET's reflection).</summary>
public sealed class TextClassifierScore
{
    public float[] Score { get; set; } = [];
}
