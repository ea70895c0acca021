using System.Text;

namespace Bot.Knowledge.Ingestion;

/// <summary>
/// Reads a help-centre article in Markdown with a small front matter block (<c>title</c>, <c>category</c>, <c>url</c>)
/// and splits it into sections at its <c>##</c> headings.
/// </summary>
public static class MarkdownArticleParser
{
    public static KnowledgeDocument Parse(string source, string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        if (lines.Length > 0 && lines[0].Trim() == "---")
        {
            for (index = 1; index < lines.Length && lines[index].Trim() != "---"; index++)
            {
                var colon = lines[index].IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    metadata[lines[index][..colon].Trim()] = lines[index][(colon + 1)..].Trim().Trim('"');
                }
            }
            index++;
        }

        string? title = metadata.GetValueOrDefault("title");
        var sections = new List<KnowledgeSection>();
        var heading = "";
        var buffer = new StringBuilder();
        for (; index < lines.Length; index++)
        {
            var line = lines[index];
            if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                title ??= line[2..].Trim();
                continue;
            }
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Flush();
                heading = line[3..].Trim();
                continue;
            }
            buffer.AppendLine(line);
        }
        Flush();

        return new KnowledgeDocument(
            source,
            title ?? Path.GetFileNameWithoutExtension(source),
            metadata.GetValueOrDefault("url"),
            metadata.GetValueOrDefault("category"),
            sections);

        void Flush()
        {
            var text = buffer.ToString().Trim();
            if (text.Length > 0)
            {
                sections.Add(new KnowledgeSection(heading, text));
            }
            buffer.Clear();
        }
    }
}
