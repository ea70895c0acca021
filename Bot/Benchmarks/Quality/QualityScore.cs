namespace Bot.Benchmarks.Quality;

/// <summary>Recall@1, recall@5 and MRR (over the first five documents) of one method on one set with one embedder.</summary>
public sealed record QualityScore(string Set, string Embedder, string Method, int Questions, double RecallAt1, double RecallAt5, double Mrr, double P50Milliseconds);

/// <summary>How fast one embedder loaded one set's knowledge base.</summary>
public sealed record IngestionScore(string Set, string Embedder, int Documents, int Chunks, double Seconds)
{
    public double ChunksPerSecond => Seconds <= 0 ? 0 : Math.Round(Chunks / Seconds, 1);
}

/// <summary>Everything one <c>bench quality</c> run measured.</summary>
public sealed record QualityResults(IReadOnlyList<QualityScore> Scores, IReadOnlyList<IngestionScore> Ingestion);
