namespace Bot.Benchmarks;

/// <summary>Latency summary of a set of samples in milliseconds.</summary>
public sealed record Percentiles(double P50, double P95, double P99, double Mean, int Count)
{
    public static Percentiles Of(IReadOnlyCollection<double> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var sorted = samples.Order().ToArray();
        double At(double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Percentiles(At(0.50), At(0.95), At(0.99), sorted.Average(), sorted.Length);
    }
}
