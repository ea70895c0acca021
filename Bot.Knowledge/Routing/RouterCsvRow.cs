namespace Bot.Knowledge.Routing;

/// <summary>One example read from a CSV file, with its line, and the source data set's own label when it has one (Bitext's intent).</summary>
public sealed record RouterCsvRow(int Line, RouterExample Example, string? SourceLabel = null);
