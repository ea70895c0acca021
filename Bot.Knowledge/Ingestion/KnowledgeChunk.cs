namespace Bot.Knowledge.Ingestion;

/// <summary>One stored passage of a document: its position, heading path and text.</summary>
public sealed record KnowledgeChunk(int Ordinal, string Heading, string Content);
