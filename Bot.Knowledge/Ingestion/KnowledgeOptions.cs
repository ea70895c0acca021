namespace Bot.Knowledge.Ingestion;

/// <summary>Knowledge-base settings.</summary>
public sealed class KnowledgeOptions
{
    public const string SectionName = "Knowledge";

    /// <summary>A folder of sample articles (<c>*.md</c>) loaded at start-up when the knowledge base is empty.</summary>
    public string? SeedPath { get; set; }
}
