namespace Bot.Knowledge.Ingestion;

/// <summary>
/// A passage under its heading path (<c>"H1 &gt; H2 &gt; H3"</c>; empty for text before the first heading).
/// <paramref name="KeepWhole"/> sections (an FAQ pair) become exactly one chunk whatever their size.
/// </summary>
public sealed record KnowledgeSection(string Heading, string Content, bool KeepWhole = false);
