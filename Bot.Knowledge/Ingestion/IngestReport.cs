namespace Bot.Knowledge.Ingestion;

/// <summary>Everything an ingest did, per source, with totals.</summary>
public sealed record IngestReport(IReadOnlyList<SourceResult> Sources, IReadOnlyList<string> Skipped)
{
    public IEnumerable<DocumentResult> Documents => Sources.SelectMany(s => s.Documents);

    public int Count(IngestOutcome outcome) => Documents.Count(d => d.Outcome == outcome);

    /// <summary>Chunks written (of created and updated documents).</summary>
    public int ChunksWritten => Documents.Where(d => d.Outcome is IngestOutcome.Created or IngestOutcome.Updated).Sum(d => d.Chunks ?? 0);
}
