using Bot.Knowledge.Routing;

namespace Bot.Dialogs.Routing;

/// <summary>
/// The router's model at one version of the examples: the examples' vectors for nearest-neighbour votes, the text
/// classifiers (possibly trained on a slightly older version while a new training runs), and the calibration maps.
/// Immutable; replaced as a whole when the examples change.
/// </summary>
public sealed class RouterSnapshot
{
    private readonly float[][] _vectors;
    private readonly int[] _routeOf;
    private readonly int[] _intentOf;
    private readonly bool[] _inScope;
    private readonly int[] _intentExamples;
    private readonly double[] _intentPriors;

    public RouterSnapshot(RouterExampleSet set, long localVersion, RouterSnapshot? trainedFrom = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        Version = set.Version;
        LocalVersion = localVersion;
        Examples = set.Examples;
        Routes = set.Routes.Select(r => r.Name).Union(set.Examples.Select(e => e.Route), StringComparer.Ordinal).ToArray();
        RouteDescriptions = set.Routes.ToDictionary(r => r.Name, r => r.Description, StringComparer.Ordinal);
        _vectors = set.Examples.Select(e => e.Vector ?? []).ToArray();
        _routeOf = set.Examples.Select(e => Array.IndexOf(Routes, e.Route)).ToArray();
        _intentOf = set.Examples.Select(e => e.Intent is null ? -1 : IndexOfIntent(e.Intent)).ToArray();
        _inScope = set.Examples.Select(e => e.Intent != Intents.OutOfScope).ToArray();
        _intentExamples = Enumerable.Range(0, _intentOf.Length).Where(i => _intentOf[i] >= 0).ToArray();
        _intentPriors = Enumerable.Range(0, IntentLabels.Count)
            .Select(c => (_intentOf.Count(i => i == c) + 1.0) / (_intentExamples.Length + IntentLabels.Count))
            .ToArray();
        RouteClassifier = trainedFrom?.RouteClassifier;
        IntentClassifier = trainedFrom?.IntentClassifier;
        RouteCalibration = trainedFrom?.RouteCalibration ?? ConfidenceCalibrator.Identity;
        IntentCalibration = trainedFrom?.IntentCalibration ?? ConfidenceCalibrator.Identity;
        TrainedVersion = trainedFrom?.TrainedVersion;
    }

    /// <summary>The intents, in the order of the intent probabilities.</summary>
    public static IReadOnlyList<string> IntentLabels => RouterLabels.Intents;

    public string Version { get; }

    public long LocalVersion { get; }

    public IReadOnlyList<StoredRouterExample> Examples { get; }

    public string[] Routes { get; }

    public IReadOnlyDictionary<string, string> RouteDescriptions { get; }

    public TextClassifier? RouteClassifier { get; private set; }

    public TextClassifier? IntentClassifier { get; private set; }

    public ConfidenceCalibrator RouteCalibration { get; private set; }

    public ConfidenceCalibrator IntentCalibration { get; private set; }

    /// <summary>The example version the classifiers and calibration were trained on (null when never trained).</summary>
    public string? TrainedVersion { get; private set; }

    public bool IsEmpty => Examples.Count == 0;

    /// <summary>A copy with newly trained classifiers and calibration.</summary>
    public RouterSnapshot WithTraining(TextClassifier? route, TextClassifier? intent, ConfidenceCalibrator routeCalibration,
        ConfidenceCalibrator intentCalibration, string trainedVersion)
    {
        var copy = (RouterSnapshot)MemberwiseClone();
        copy.RouteClassifier = route;
        copy.IntentClassifier = intent;
        copy.RouteCalibration = routeCalibration;
        copy.IntentCalibration = intentCalibration;
        copy.TrainedVersion = trainedVersion;
        return copy;
    }

    /// <summary>
    /// The combined verdict for a message: distance-weighted votes of the <paramref name="settings"/>' nearest examples
    /// (weight <c>exp((similarity − best) / T)</c>), mixed with the text classifiers' probabilities; an example whose
    /// text is (almost) the message decides alone. <paramref name="exclude"/> hides examples (held-out evaluation).
    /// </summary>
    public RouterVerdict Classify(string text, ReadOnlySpan<float> vector, RouterOptions settings, Func<int, bool>? exclude = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var similarities = new double[_vectors.Length];
        for (var i = 0; i < _vectors.Length; i++)
        {
            similarities[i] = exclude?.Invoke(i) == true || _vectors[i].Length != vector.Length
                ? double.NegativeInfinity
                : Dot(_vectors[i], vector);
        }
        var top = TopK(similarities, Enumerable.Range(0, similarities.Length), settings.Neighbours);
        var topIntent = TopK(similarities, _intentExamples, settings.Neighbours);

        var routeVotes = Votes(top, similarities, _routeOf, Routes.Length, settings.VoteTemperature);
        var intentVotes = Votes(topIntent, similarities, _intentOf, IntentLabels.Count, settings.VoteTemperature);
        if (settings.TextClassifier)
        {
            Mix(routeVotes, RouteClassifier, Routes, text, settings.TextClassifierWeight);
            Mix(intentVotes, IntentClassifier, IntentLabels, text, settings.TextClassifierWeight);
        }

        if (settings.IntentPriorCorrection > 0)
        {
            // Questions outnumber complaints and feedback many times in any example set; dividing by a power of each
            // intent's share keeps the rarer intents from being out-voted by sheer numbers.
            for (var c = 0; c < intentVotes.Length; c++)
            {
                intentVotes[c] /= Math.Pow(_intentPriors[c], settings.IntentPriorCorrection);
            }
            var sum = intentVotes.Sum();
            if (sum > 0)
            {
                for (var c = 0; c < intentVotes.Length; c++)
                {
                    intentVotes[c] /= sum;
                }
            }
        }

        var nearest = top.Count > 0 ? top[0] : -1;
        var nearestSimilarity = nearest >= 0 ? similarities[nearest] : 0;
        var exact = nearest >= 0 && nearestSimilarity >= settings.ExactMatchSimilarity;
        if (exact)
        {
            Array.Clear(routeVotes);
            routeVotes[_routeOf[nearest]] = 1;
            if (_intentOf[nearest] >= 0)
            {
                Array.Clear(intentVotes);
                intentVotes[_intentOf[nearest]] = 1;
            }
        }
        var inScope = double.NegativeInfinity;
        for (var i = 0; i < similarities.Length; i++)
        {
            if (_inScope[i] && similarities[i] > inScope)
            {
                inScope = similarities[i];
            }
        }

        var route = ArgMax(routeVotes);
        var intent = ArgMax(intentVotes);
        return new RouterVerdict(
            route >= 0 ? Routes[route] : RouterLabels.DefaultRoutes[^1],
            route >= 0 ? routeVotes[route] : 0,
            intent >= 0 && intentVotes[intent] > 0 ? IntentLabels[intent] : null,
            intent >= 0 ? intentVotes[intent] : 0,
            double.IsFinite(nearestSimilarity) ? nearestSimilarity : 0,
            double.IsFinite(inScope) ? inScope : 0,
            exact,
            top.Select(i => new RouterNeighbour(Examples[i].Text, Examples[i].Route, Examples[i].Intent, Math.Round(similarities[i], 4))).ToList());
    }

    private static int IndexOfIntent(string intent)
    {
        for (var i = 0; i < IntentLabels.Count; i++)
        {
            if (string.Equals(IntentLabels[i], intent, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }

    private static List<int> TopK(double[] similarities, IEnumerable<int> candidates, int k) =>
        candidates.Where(i => double.IsFinite(similarities[i]))
            .OrderByDescending(i => similarities[i]).ThenBy(i => i)
            .Take(k)
            .ToList();

    private static double[] Votes(List<int> neighbours, double[] similarities, int[] labelOf, int labels, double temperature)
    {
        var votes = new double[labels];
        if (neighbours.Count == 0)
        {
            return votes;
        }
        var best = similarities[neighbours[0]];
        foreach (var i in neighbours)
        {
            if (labelOf[i] >= 0)
            {
                votes[labelOf[i]] += Math.Exp((similarities[i] - best) / temperature);
            }
        }
        var total = votes.Sum();
        if (total > 0)
        {
            for (var i = 0; i < votes.Length; i++)
            {
                votes[i] /= total;
            }
        }
        return votes;
    }

    private static void Mix(double[] votes, TextClassifier? classifier, IReadOnlyList<string> labels, string text, double weight)
    {
        if (classifier is null || weight <= 0)
        {
            return;
        }
        var scores = classifier.Predict(text);
        var mapped = new double[votes.Length];
        for (var c = 0; c < classifier.Labels.Count && c < scores.Length; c++)
        {
            for (var l = 0; l < labels.Count; l++)
            {
                if (string.Equals(labels[l], classifier.Labels[c], StringComparison.Ordinal))
                {
                    mapped[l] = scores[c];
                }
            }
        }
        var hasVotes = votes.Sum() > 0;
        for (var i = 0; i < votes.Length; i++)
        {
            votes[i] = hasVotes ? (1 - weight) * votes[i] + weight * mapped[i] : mapped[i];
        }
    }

    private static int ArgMax(double[] values)
    {
        var best = -1;
        for (var i = 0; i < values.Length; i++)
        {
            if (best < 0 || values[i] > values[best])
            {
                best = i;
            }
        }
        return best;
    }

    private static double Dot(float[] a, ReadOnlySpan<float> b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);
}
