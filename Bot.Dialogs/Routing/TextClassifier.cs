using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace Bot.Dialogs.Routing;

/// <summary>
/// An ML.NET text classifier: word uni- and bigrams plus character trigrams (L2-normalised bags), and a maximum-entropy
/// (multinomial logistic) model trained by SDCA. It sees spelling and word order that averaged word vectors lose.
/// Prediction is serialised (an ML.NET prediction engine is not thread-safe); it takes tens of microseconds.
/// </summary>
public sealed class TextClassifier : IDisposable
{
    private readonly PredictionEngine<TextClassifierRow, TextClassifierScore> _engine;
    private readonly Lock _lock = new();

    private TextClassifier(PredictionEngine<TextClassifierRow, TextClassifierScore> engine, IReadOnlyList<string> labels)
    {
        _engine = engine;
        Labels = labels;
    }

    /// <summary>The classes, in the order of <see cref="Predict"/>'s probabilities.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Trains on the rows; null when there are fewer than two classes (nothing to tell apart).</summary>
    public static TextClassifier? Train(IReadOnlyList<(string Text, string Label)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Select(r => r.Label).Distinct(StringComparer.Ordinal).Count() < 2)
        {
            return null;
        }
        var ml = new MLContext(seed: 7);
        var data = ml.Data.LoadFromEnumerable(rows.Select(r => new TextClassifierRow { Text = r.Text, Label = r.Label }));
        var featurize = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = false,
            KeepPunctuations = false,
            KeepNumbers = true,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = false },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        var pipeline = ml.Transforms.Conversion.MapValueToKey(nameof(TextClassifierRow.Label))
            .Append(ml.Transforms.Text.FeaturizeText("Features", featurize, nameof(TextClassifierRow.Text)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new Microsoft.ML.Trainers.SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = nameof(TextClassifierRow.Label),
                FeatureColumnName = "Features",
                MaximumNumberOfIterations = 60,
                NumberOfThreads = 1,
            }));
        var model = pipeline.Fit(data);
        var engine = ml.Model.CreatePredictionEngine<TextClassifierRow, TextClassifierScore>(model);
        var slotNames = default(VBuffer<ReadOnlyMemory<char>>);
        engine.OutputSchema[nameof(TextClassifierScore.Score)].GetSlotNames(ref slotNames);
        var labels = slotNames.DenseValues().Select(n => n.ToString()).ToList();
        return new TextClassifier(engine, labels);
    }

    /// <summary>The probability of each of <see cref="Labels"/>.</summary>
    public float[] Predict(string text)
    {
        lock (_lock)
        {
            return _engine.Predict(new TextClassifierRow { Text = text ?? "" }).Score;
        }
    }

    public void Dispose() => _engine.Dispose();
}
