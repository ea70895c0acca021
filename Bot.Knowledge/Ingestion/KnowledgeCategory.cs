namespace Bot.Knowledge.Ingestion;

/// <summary>A category of the knowledge base and how many documents are in it.</summary>
public sealed record KnowledgeCategory(string Name, int Documents);
