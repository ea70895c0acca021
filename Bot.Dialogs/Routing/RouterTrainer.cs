using Bot.Knowledge.Routing;

namespace Bot.Dialogs.Routing;

/// <summary>
/// Trains a snapshot's text classifiers and fits its confidence calibration: a fifth of the examples (at most
/// <see cref="MaxHeldOut"/>) is held out, the classifiers are trained on the rest, and the combined model's verdicts on
/// the held-out examples (their neighbours drawn from the rest only) fit the calibration; then the classifiers are
/// trained again on everything.
/// </summary>
public static class RouterTrainer
{
    public const int MaxHeldOut = 1500;
    private const int MinForCalibration = 40;

    public static RouterSnapshot Train(RouterSnapshot snapshot, RouterOptions settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(settings);
        var examples = snapshot.Examples;
        if (examples.Count == 0)
        {
            return snapshot;
        }

        var routeCalibration = ConfidenceCalibrator.Identity;
        var intentCalibration = ConfidenceCalibrator.Identity;
        if (examples.Count >= MinForCalibration)
        {
            var heldOut = HeldOut(examples);
            var training = Enumerable.Range(0, examples.Count).Where(i => !heldOut.Contains(i)).ToList();
            var partial = snapshot.WithTraining(
                settings.TextClassifier ? TextClassifier.Train(RouteRows(examples, training)) : null,
                settings.TextClassifier ? TextClassifier.Train(IntentRows(examples, training)) : null,
                ConfidenceCalibrator.Identity, ConfidenceCalibrator.Identity, snapshot.Version);
            var routePoints = new List<(double, bool)>();
            var intentPoints = new List<(double, bool)>();
            foreach (var i in heldOut)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var example = examples[i];
                var verdict = partial.Classify(example.Text, example.Vector ?? [], settings, heldOut.Contains);
                routePoints.Add((verdict.RouteProbability, verdict.Route == example.Route));
                if (example.Intent is not null && verdict.Intent is not null)
                {
                    intentPoints.Add((verdict.IntentProbability, verdict.Intent == example.Intent));
                }
            }
            partial.RouteClassifier?.Dispose();
            partial.IntentClassifier?.Dispose();
            routeCalibration = ConfidenceCalibrator.Fit(routePoints);
            intentCalibration = ConfidenceCalibrator.Fit(intentPoints);
        }

        var all = Enumerable.Range(0, examples.Count).ToList();
        return snapshot.WithTraining(
            settings.TextClassifier ? TextClassifier.Train(RouteRows(examples, all)) : null,
            settings.TextClassifier ? TextClassifier.Train(IntentRows(examples, all)) : null,
            routeCalibration,
            intentCalibration,
            snapshot.Version);
    }

    /// <summary>A deterministic fifth of the examples (by id), at most <see cref="MaxHeldOut"/>.</summary>
    private static HashSet<int> HeldOut(IReadOnlyList<StoredRouterExample> examples)
    {
        var every = Math.Max(5, (int)Math.Ceiling(examples.Count / (double)MaxHeldOut));
        return Enumerable.Range(0, examples.Count)
            .Where(i => Mix(examples[i].Id) % (ulong)every == 0)
            .ToHashSet();
    }

    private static ulong Mix(long id)
    {
        var x = (ulong)id * 0x9E3779B97F4A7C15UL;
        return x ^ (x >> 31);
    }

    private static List<(string, string)> RouteRows(IReadOnlyList<StoredRouterExample> examples, IEnumerable<int> indexes) =>
        indexes.Select(i => (examples[i].Text, examples[i].Route)).ToList();

    private static List<(string, string)> IntentRows(IReadOnlyList<StoredRouterExample> examples, IEnumerable<int> indexes) =>
        indexes.Where(i => examples[i].Intent is not null).Select(i => (examples[i].Text, examples[i].Intent!)).ToList();
}
