namespace Bot.Knowledge.Ingestion;

/// <summary>
/// Plain text: one section of paragraphs (blank-line separated), which the chunker splits. A short first line followed by
/// a blank line is taken as the title; otherwise the file name is.
/// </summary>
public static class PlainTextParser
{
    private const int MaxTitleLength = 120;

    public static KnowledgeDocument Parse(string source, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var body = text.Trim();
        var title = SourceNames.FallbackTitle(source);
        var firstBreak = body.IndexOf("\n\n", StringComparison.Ordinal);
        if (firstBreak > 0 && firstBreak <= MaxTitleLength && !body[..firstBreak].Contains('\n', StringComparison.Ordinal))
        {
            title = body[..firstBreak].Trim();
            body = body[(firstBreak + 2)..].Trim();
        }
        return new KnowledgeDocument(source, title, null, null, body.Length == 0 ? [] : [new KnowledgeSection("", body)]);
    }
}
