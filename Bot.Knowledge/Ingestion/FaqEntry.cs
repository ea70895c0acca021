namespace Bot.Knowledge.Ingestion;

/// <summary>One question and its answer from an FAQ file, with optional category and URL.</summary>
public sealed record FaqEntry(string Question, string Answer, string? Category = null, string? Url = null);
