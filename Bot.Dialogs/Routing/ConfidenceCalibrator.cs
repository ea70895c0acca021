namespace Bot.Dialogs.Routing;

/// <summary>
/// Maps a raw score (the top class's combined probability) to how often a verdict with that score is right, by
/// isotonic regression (pool adjacent violators) on held-out predictions: monotone, and honest about what the
/// examples support. With too few points it is the identity.
/// </summary>
public sealed class ConfidenceCalibrator
{
    private readonly double[] _scores;
    private readonly double[] _accuracies;

    private ConfidenceCalibrator(double[] scores, double[] accuracies)
    {
        _scores = scores;
        _accuracies = accuracies;
    }

    public static ConfidenceCalibrator Identity { get; } = new([], []);

    /// <summary>How many held-out predictions it was fitted on (0 for the identity).</summary>
    public int Points { get; private init; }

    /// <summary>Fits the map on (score, was the verdict right) pairs; the identity with fewer than <paramref name="minPoints"/>.</summary>
    public static ConfidenceCalibrator Fit(IReadOnlyList<(double Score, bool Correct)> points, int minPoints = 30)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count < minPoints)
        {
            return Identity;
        }
        var sorted = points.OrderBy(p => p.Score).ToList();
        // Blocks of (sum of scores, sum of outcomes, count), merged while their means decrease.
        var blocks = new List<(double X, double Y, int N)>();
        foreach (var (score, correct) in sorted)
        {
            blocks.Add((score, correct ? 1 : 0, 1));
            while (blocks.Count > 1 && blocks[^2].Y / blocks[^2].N >= blocks[^1].Y / blocks[^1].N)
            {
                var last = blocks[^1];
                var previous = blocks[^2];
                blocks.RemoveAt(blocks.Count - 1);
                blocks[^1] = (previous.X + last.X, previous.Y + last.Y, previous.N + last.N);
            }
        }
        // A little smoothing towards 0.5 keeps a small block from claiming certainty.
        return new ConfidenceCalibrator(
            blocks.Select(b => b.X / b.N).ToArray(),
            blocks.Select(b => (b.Y + 0.5) / (b.N + 1)).ToArray())
        {
            Points = points.Count,
        };
    }

    /// <summary>The calibrated confidence of a raw score, interpolated between the fitted points.</summary>
    public double Map(double score)
    {
        if (_scores.Length == 0)
        {
            return Math.Clamp(score, 0, 1);
        }
        if (score <= _scores[0])
        {
            return _accuracies[0];
        }
        if (score >= _scores[^1])
        {
            return _accuracies[^1];
        }
        var i = Array.BinarySearch(_scores, score);
        if (i >= 0)
        {
            return _accuracies[i];
        }
        var upper = ~i;
        var lower = upper - 1;
        var t = (score - _scores[lower]) / (_scores[upper] - _scores[lower]);
        return _accuracies[lower] + t * (_accuracies[upper] - _accuracies[lower]);
    }
}
