using System.Diagnostics;
using Bot.Dialogs.Routing;

namespace Bot.Evaluation;

/// <summary>Router accuracy: every case through the registered router (<see cref="IRouterModel"/>), as the Router agent calls it.</summary>
public static class RouterEvaluation
{
    private const int Bins = 10;

    public static async Task<RouterReport> RunAsync(IRouterModel router, IReadOnlyList<RouterCase> cases, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(cases);
        var confusion = new SortedDictionary<string, SortedDictionary<string, int>>(StringComparer.Ordinal);
        var support = new Dictionary<string, int>(StringComparer.Ordinal);
        var predicted = new Dictionary<string, int>(StringComparer.Ordinal);
        var correct = new Dictionary<string, int>(StringComparer.Ordinal);
        var latencies = new List<double>(cases.Count);
        var calibration = new List<(double Confidence, bool Right)>(cases.Count);
        var mistakes = new List<RouterMistake>();
        int routeRight = 0, intentRows = 0, intentRight = 0;

        foreach (var item in cases)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            var result = await router.ClassifyAsync(item.Text, cancellationToken);
            latencies.Add(clock.Elapsed.TotalMilliseconds);

            var row = confusion.TryGetValue(item.Route, out var existing) ? existing : confusion[item.Route] = new(StringComparer.Ordinal);
            row[result.Category] = row.GetValueOrDefault(result.Category) + 1;
            var routeOk = result.Category == item.Route;
            routeRight += routeOk ? 1 : 0;
            calibration.Add((result.Confidence, routeOk));

            var intentOk = true;
            if (item.Intent is { } intent)
            {
                intentRows++;
                intentOk = result.Intent == intent;
                intentRight += intentOk ? 1 : 0;
                support[intent] = support.GetValueOrDefault(intent) + 1;
                predicted[result.Intent] = predicted.GetValueOrDefault(result.Intent) + 1;
                if (intentOk)
                {
                    correct[intent] = correct.GetValueOrDefault(intent) + 1;
                }
            }
            if ((!routeOk || !intentOk) && mistakes.Count < 200)
            {
                mistakes.Add(new RouterMistake(item.Text, item.Route, result.Category, item.Intent, result.Intent, result.Confidence));
            }
        }

        var intents = new SortedDictionary<string, ClassScore>(StringComparer.Ordinal);
        foreach (var intent in support.Keys.Union(predicted.Keys))
        {
            intents[intent] = new ClassScore(support.GetValueOrDefault(intent), predicted.GetValueOrDefault(intent), correct.GetValueOrDefault(intent));
        }
        return new RouterReport(
            cases.Count,
            Ratio(routeRight, cases.Count),
            intentRows == 0 ? null : Ratio(intentRight, intentRows),
            confusion,
            intents,
            Calibrate(calibration),
            Percentile(latencies, 0.5),
            Percentile(latencies, 0.95),
            mistakes);
    }

    public static CalibrationReport Calibrate(IReadOnlyList<(double Confidence, bool Right)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var bins = new List<CalibrationBin>();
        double error = 0;
        for (var b = 0; b < Bins; b++)
        {
            var from = (double)b / Bins;
            var to = (double)(b + 1) / Bins;
            var inBin = points.Where(p => p.Confidence >= from && (p.Confidence < to || (b == Bins - 1 && p.Confidence <= to))).ToList();
            if (inBin.Count == 0)
            {
                continue;
            }
            var confidence = inBin.Average(p => p.Confidence);
            var accuracy = inBin.Average(p => p.Right ? 1.0 : 0.0);
            error += inBin.Count * Math.Abs(confidence - accuracy);
            bins.Add(new CalibrationBin(from, to, inBin.Count, Math.Round(confidence, 3), Math.Round(accuracy, 3)));
        }
        return new CalibrationReport(points.Count == 0 ? 0 : Math.Round(error / points.Count, 4), bins);
    }

    public static double Ratio(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);

    public static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return 0;
        }
        var sorted = values.Order().ToList();
        return Math.Round(sorted[(int)Math.Clamp(Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)], 2);
    }
}
