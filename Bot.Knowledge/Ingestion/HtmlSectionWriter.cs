using System.Text;
using AngleSharp.Dom;

namespace Bot.Knowledge.Ingestion;

/// <summary>Walks an HTML element tree and writes its text as sections split at <c>h1</c>–<c>h6</c>.</summary>
internal sealed class HtmlSectionWriter
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "blockquote", "figure", "figcaption", "address", "dl", "dt", "dd",
        "details", "summary", "header", "footer", "hr",
    };

    private readonly List<KnowledgeSection> _sections = [];
    private readonly string?[] _path = new string?[7];
    private readonly StringBuilder _text = new();
    private string _heading = "";
    private int _listDepth;

    public void Visit(INode node)
    {
        switch (node)
        {
            case IText text:
                Inline(text.Data);
                return;
            case IElement element:
                VisitElement(element);
                return;
            default:
                return;
        }
    }

    public IReadOnlyList<KnowledgeSection> Finish()
    {
        Flush();
        return _sections;
    }

    private void VisitElement(IElement element)
    {
        var tag = element.LocalName;
        if (tag.Length == 2 && tag[0] == 'h' && tag[1] is >= '1' and <= '6')
        {
            Flush();
            var level = tag[1] - '0';
            _path[level] = HtmlDocumentParser.Clean(element.TextContent);
            Array.Clear(_path, level + 1, _path.Length - level - 1);
            _heading = string.Join(" > ", _path.Where(p => !string.IsNullOrEmpty(p)));
            return;
        }
        switch (tag)
        {
            case "br":
                LineBreak();
                return;
            case "pre":
                BlockBreak();
                _text.Append(element.TextContent.Trim('\n'));
                BlockBreak();
                return;
            case "ul" or "ol":
                BlockBreak();
                _listDepth++;
                var number = 1;
                foreach (var item in element.Children.Where(c => c.LocalName == "li"))
                {
                    LineBreak();
                    _text.Append(' ', 2 * (_listDepth - 1)).Append(tag == "ol" ? $"{number++}. " : "- ");
                    VisitChildren(item);
                }
                _listDepth--;
                BlockBreak();
                return;
            case "table":
                BlockBreak();
                foreach (var row in element.QuerySelectorAll("tr"))
                {
                    var cells = row.Children.Where(c => c.LocalName is "td" or "th")
                        .Select(c => (HtmlDocumentParser.Clean(c.TextContent) ?? "").Replace("|", "\\|", StringComparison.Ordinal));
                    LineBreak();
                    _text.Append("| ").AppendJoin(" | ", cells).Append(" |");
                }
                BlockBreak();
                return;
            case "img":
                Inline(element.GetAttribute("alt") ?? "");
                return;
            default:
                break;
        }
        var block = Blocks.Contains(tag) || tag == "li";
        if (block)
        {
            BlockBreak();
        }
        VisitChildren(element);
        if (block)
        {
            BlockBreak();
        }
    }

    private void VisitChildren(INode node)
    {
        foreach (var child in node.ChildNodes)
        {
            Visit(child);
        }
    }

    private void Inline(string raw)
    {
        var words = raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            if (raw.Length > 0 && _text.Length > 0 && !char.IsWhiteSpace(_text[^1]))
            {
                _text.Append(' ');
            }
            return;
        }
        if (char.IsWhiteSpace(raw[0]) && _text.Length > 0 && !char.IsWhiteSpace(_text[^1]))
        {
            _text.Append(' ');
        }
        _text.AppendJoin(' ', words);
        if (char.IsWhiteSpace(raw[^1]))
        {
            _text.Append(' ');
        }
    }

    private void LineBreak()
    {
        TrimEndSpaces();
        if (_text.Length > 0 && _text[^1] != '\n')
        {
            _text.Append('\n');
        }
    }

    private void BlockBreak()
    {
        if (_listDepth > 0)
        {
            LineBreak();
            return;
        }
        TrimEndSpaces();
        if (_text.Length == 0)
        {
            return;
        }
        if (_text[^1] != '\n')
        {
            _text.Append('\n');
        }
        if (_text.Length < 2 || _text[^2] != '\n')
        {
            _text.Append('\n');
        }
    }

    private void TrimEndSpaces()
    {
        while (_text.Length > 0 && _text[^1] is ' ' or '\t')
        {
            _text.Length--;
        }
    }

    private void Flush()
    {
        var content = _text.ToString().Trim();
        if (content.Length > 0)
        {
            _sections.Add(new KnowledgeSection(_heading, content));
        }
        _text.Clear();
    }
}
