using System.Text.Json;

namespace Bot.Evaluation;

/// <summary>
/// The minimums a run must reach (a JSON file: <c>{ "minimums": { "router.routeAccuracy": 0.9, ... }, "embedders": {
/// "lexical-hash-256": { ... } } }</c>). A metric the run did not measure fails: a threshold file names what its set must measure.
/// </summary>
public static class EvalThresholds
{
    /// <summary>
    /// The minimums for a run with the named embedder: <c>minimums</c>, with the entries of <c>embedders.{name}</c> over
    /// them (the lexical fallback finds shared words, not meaning, so its own figures are lower).
    /// </summary>
    public static IReadOnlyDictionary<string, double> Load(string path, string embedder)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!document.RootElement.TryGetProperty("minimums", out var minimums) || minimums.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{path} must be an object with a \"minimums\" object of metric names and minimum values.");
        }
        var result = minimums.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble(), StringComparer.Ordinal);
        if (document.RootElement.TryGetProperty("embedders", out var embedders) && embedders.ValueKind == JsonValueKind.Object
            && embedders.TryGetProperty(embedder, out var overrides) && overrides.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in overrides.EnumerateObject())
            {
                result[entry.Name] = entry.Value.GetDouble();
            }
        }
        return result;
    }

    public static void Check(EvalReport report, IReadOnlyDictionary<string, double> minimums)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(minimums);
        var metrics = report.Metrics();
        foreach (var (metric, minimum) in minimums.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            double? value = metrics.TryGetValue(metric, out var measured) ? measured : null;
            report.Thresholds.Add(new ThresholdResult(metric, minimum, value, value >= minimum - 1e-9));
        }
    }
}
