using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Bot.Knowledge.Ingestion;

/// <summary>
/// Reads an HTML page with AngleSharp: the title (<c>og:title</c>, the first <c>h1</c>, or <c>&lt;title&gt;</c>), the
/// canonical URL, a category meta tag, and the main content (<c>main</c>, <c>article</c>, <c>[role=main]</c> or the body
/// without navigation, scripts and styles), split into sections at its headings. Lists become <c>- item</c> lines and
/// tables <c>| a | b |</c> rows, so the chunker keeps them together.
/// </summary>
public static class HtmlDocumentParser
{
    private static readonly HtmlParser Parser = new();

    private const string AlwaysDropped = "script, style, noscript, template, nav, svg, iframe, canvas, object, button, select, form, dialog, aside";

    private const string DroppedOutsideMain = "header, footer, [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true]";

    public static KnowledgeDocument Parse(string source, string html, Uri? pageUrl = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        using var document = Parser.ParseDocument(html);

        var root = document.QuerySelector("main") ?? document.QuerySelector("article") ?? document.QuerySelector("[role=main]")
            ?? document.Body ?? document.DocumentElement;
        var isBody = root == document.Body || root == document.DocumentElement;
        foreach (var element in root.QuerySelectorAll(isBody ? AlwaysDropped + ", " + DroppedOutsideMain : AlwaysDropped).ToList())
        {
            element.Remove();
        }

        var title = Meta(document, "meta[property='og:title']")
            ?? Clean(root.QuerySelector("h1")?.TextContent)
            ?? Clean(document.Title)
            ?? SourceNames.FallbackTitle(source);
        var category = Meta(document, "meta[name='category']") ?? Meta(document, "meta[property='article:section']");
        var url = CanonicalUrl(document, pageUrl) ?? pageUrl?.ToString();

        var writer = new HtmlSectionWriter();
        writer.Visit(root);
        return new KnowledgeDocument(source, title, url, category, writer.Finish());
    }

    private static string? Meta(IDocument document, string selector) => Clean(document.QuerySelector(selector)?.GetAttribute("content"));

    private static string? CanonicalUrl(IDocument document, Uri? pageUrl)
    {
        var href = document.QuerySelector("link[rel='canonical']")?.GetAttribute("href");
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }
        if (Uri.TryCreate(href, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute.ToString();
        }
        return pageUrl is not null && Uri.TryCreate(pageUrl, href, out var resolved) ? resolved.ToString() : null;
    }

    internal static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
