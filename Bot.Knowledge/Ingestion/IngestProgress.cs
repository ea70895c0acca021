namespace Bot.Knowledge.Ingestion;

/// <summary>How far an ingest is: sources done out of the total known so far, and the one just finished.</summary>
public readonly record struct IngestProgress(int Done, int Total, string Current);
