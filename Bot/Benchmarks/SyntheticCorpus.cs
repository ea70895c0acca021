namespace Bot.Benchmarks;

/// <summary>
/// Synthetic text for scale runs, drawn (Zipf-like) from a real vocabulary, so both the full-text index and the
/// embedder see word statistics like a help centre's. Deterministic for a seed.
/// </summary>
public sealed class SyntheticCorpus(IReadOnlyList<string> vocabulary, int seed)
{
    private readonly Random _random = new(seed);

    public string Text(int words)
    {
        var parts = new string[words];
        for (var i = 0; i < words; i++)
        {
            // Inverse-CDF of a 1/rank distribution: common words often, rare words sometimes.
            var rank = (int)Math.Floor(Math.Pow(vocabulary.Count, _random.NextDouble())) - 1;
            parts[i] = vocabulary[Math.Clamp(rank, 0, vocabulary.Count - 1)];
        }
        return string.Join(' ', parts);
    }
}
