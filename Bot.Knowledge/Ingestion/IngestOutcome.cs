namespace Bot.Knowledge.Ingestion;

/// <summary>What storing a document did.</summary>
public enum IngestOutcome
{
    Created,
    Updated,
    Unchanged,
}
