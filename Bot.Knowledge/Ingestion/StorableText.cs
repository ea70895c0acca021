namespace Bot.Knowledge.Ingestion;

/// <summary>
/// PostgreSQL <c>text</c> cannot hold U+0000. A NUL that a parser produced (a <c>\u0000</c> escape in an FAQ JSON file,
/// a PDF's text layer) becomes the replacement character, as inbound chat JSON does, so the document is stored rather
/// than failing half-way.
/// </summary>
public static class StorableText
{
    public static string Clean(string text) => text.Replace('\0', '\uFFFD');

    public static string? CleanOrNull(string? text) => text?.Replace('\0', '\uFFFD');

    public static KnowledgeDocument Clean(KnowledgeDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document with
        {
            Source = Clean(document.Source),
            Title = Clean(document.Title),
            Url = CleanOrNull(document.Url),
            Category = CleanOrNull(document.Category),
            Sections = document.Sections.Select(s => s with { Heading = Clean(s.Heading), Content = Clean(s.Content) }).ToList(),
        };
    }
}
