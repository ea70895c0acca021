namespace Bot.Knowledge.Ingestion;

/// <summary>The pages a sitemap lists that will be ingested, and the entries left out with the reason.</summary>
public sealed record SitemapEntries(IReadOnlyList<Uri> Pages, IReadOnlyList<string> Skipped);
