using System.Text;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Bot.Knowledge.Ingestion;

/// <summary>
/// Reads Markdown with an optional front matter block (<c>title</c>, <c>category</c>, <c>url</c>). Markdig finds the
/// headings (so a <c>#</c> inside a code block is not one); each section is the Markdown source between two headings,
/// kept verbatim so tables and lists stay intact, under its heading path <c>"H1 &gt; H2 &gt; H3"</c>.
/// </summary>
public static class MarkdownArticleParser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseGridTables()
        .Build();

    public static KnowledgeDocument Parse(string source, string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        markdown = markdown.Replace("\r\n", "\n", StringComparison.Ordinal);
        var document = Markdown.Parse(markdown, Pipeline);

        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var sections = new List<KnowledgeSection>();
        var path = new string?[7];
        string? firstH1 = null;
        var heading = "";
        var sectionStart = 0;

        foreach (var block in document)
        {
            if (block is YamlFrontMatterBlock frontMatter)
            {
                ReadFrontMatter(markdown.Substring(frontMatter.Span.Start, frontMatter.Span.Length), metadata);
                sectionStart = Math.Min(markdown.Length, frontMatter.Span.End + 1);
                continue;
            }
            if (block is not HeadingBlock headingBlock)
            {
                continue;
            }
            AddSection(block.Span.Start);
            var text = InlineText(headingBlock.Inline).Trim();
            if (headingBlock.Level == 1)
            {
                firstH1 ??= text;
            }
            path[headingBlock.Level] = text;
            Array.Clear(path, headingBlock.Level + 1, path.Length - headingBlock.Level - 1);
            heading = string.Join(" > ", path.Where(p => !string.IsNullOrEmpty(p)));
            sectionStart = Math.Min(markdown.Length, block.Span.End + 1);
        }
        AddSection(markdown.Length);

        var title = metadata.GetValueOrDefault("title") ?? firstH1 ?? Path.GetFileNameWithoutExtension(source);
        return new KnowledgeDocument(
            source,
            title,
            NullIfEmpty(metadata.GetValueOrDefault("url")),
            NullIfEmpty(metadata.GetValueOrDefault("category")),
            sections);

        void AddSection(int end)
        {
            var content = end > sectionStart ? markdown[sectionStart..end].Trim() : "";
            if (content.Length > 0)
            {
                sections.Add(new KnowledgeSection(heading, content));
            }
        }
    }

    private static void ReadFrontMatter(string block, Dictionary<string, string> metadata)
    {
        foreach (var line in block.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && !char.IsWhiteSpace(line[0]) && line.Trim() != "---")
            {
                metadata[line[..colon].Trim()] = line[(colon + 1)..].Trim().Trim('"', '\'');
            }
        }
    }

    private static string InlineText(ContainerInline? container)
    {
        var text = new StringBuilder();
        Append(container);
        return text.ToString();

        void Append(Inline? inline)
        {
            switch (inline)
            {
                case null:
                    return;
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case HtmlEntityInline entity:
                    // "&amp;" is "&", "&lt;" is "<": the text the author escaped, kept as text (raw HTML tags are dropped).
                    text.Append(entity.Transcoded.ToString());
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case ContainerInline children:
                    for (var child = children.FirstChild; child is not null; child = child.NextSibling)
                    {
                        Append(child);
                    }
                    break;
                default:
                    break;
            }
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
