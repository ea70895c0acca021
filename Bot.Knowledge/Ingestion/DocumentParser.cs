using System.Net.Http.Headers;

namespace Bot.Knowledge.Ingestion;

/// <summary>
/// Reads any supported file into documents: detects the format (extension first, then content type, then the PDF
/// signature), checks size, emptiness and encoding, and hands the text to the format's parser. One file gives one
/// document, except FAQ files, which give one document per question (see <see cref="FaqDocuments"/>).
/// </summary>
public static class DocumentParser
{
    private static readonly Dictionary<string, DocumentFormat> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".md"] = DocumentFormat.Markdown,
        [".markdown"] = DocumentFormat.Markdown,
        [".mdown"] = DocumentFormat.Markdown,
        [".html"] = DocumentFormat.Html,
        [".htm"] = DocumentFormat.Html,
        [".xhtml"] = DocumentFormat.Html,
        [".txt"] = DocumentFormat.PlainText,
        [".text"] = DocumentFormat.PlainText,
        [".csv"] = DocumentFormat.FaqCsv,
        [".json"] = DocumentFormat.FaqJson,
        [".pdf"] = DocumentFormat.Pdf,
    };

    private static readonly Dictionary<string, DocumentFormat> MediaTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["text/markdown"] = DocumentFormat.Markdown,
        ["text/x-markdown"] = DocumentFormat.Markdown,
        ["text/html"] = DocumentFormat.Html,
        ["application/xhtml+xml"] = DocumentFormat.Html,
        ["text/plain"] = DocumentFormat.PlainText,
        ["text/csv"] = DocumentFormat.FaqCsv,
        ["application/json"] = DocumentFormat.FaqJson,
        ["application/pdf"] = DocumentFormat.Pdf,
    };

    /// <summary>File extensions a folder ingest picks up.</summary>
    public static IReadOnlyCollection<string> SupportedExtensions => Extensions.Keys;

    /// <summary>Whether a path has an extension this parser reads.</summary>
    public static bool IsSupportedPath(string path) => Extensions.ContainsKey(Path.GetExtension(path));

    /// <summary>The format of a file, or an <see cref="IngestError.UnsupportedType"/> error.</summary>
    public static DocumentFormat DetectFormat(string source, string? contentType, ReadOnlySpan<byte> content)
    {
        var name = source;
        if (Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            name = uri.AbsolutePath;
        }
        if (Extensions.TryGetValue(Path.GetExtension(name), out var byExtension))
        {
            return byExtension;
        }
        var mediaType = MediaType(contentType);
        if (mediaType is not null && MediaTypes.TryGetValue(mediaType, out var byType))
        {
            return byType;
        }
        if (content.StartsWith("%PDF-"u8))
        {
            return DocumentFormat.Pdf;
        }
        throw new IngestionException(IngestError.UnsupportedType,
            $"'{source}' is not a supported type ({(mediaType ?? "no content type")}). Supported: Markdown (.md), HTML (.html), " +
            "plain text (.txt), FAQ CSV (.csv: question,answer[,category,url]), FAQ JSON (.json), PDF (.pdf).");
    }

    /// <summary>Parses one file; throws <see cref="IngestionException"/> with the reason when it cannot.</summary>
    public static IReadOnlyList<KnowledgeDocument> Parse(SourceFile file, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Content.Length > maxBytes)
        {
            throw new IngestionException(IngestError.TooLarge,
                $"'{file.Source}' is {file.Content.Length} bytes; the limit is {maxBytes} bytes (Knowledge:MaxFileBytes).");
        }
        var bytes = file.Content.Span;
        if (bytes.IsEmpty)
        {
            throw Empty(file.Source);
        }
        var format = DetectFormat(file.Source, file.ContentType, bytes);
        if (format == DocumentFormat.Pdf)
        {
            return NonEmpty(file.Source, [PdfDocumentParser.Parse(file.Source, file.Content.ToArray())]);
        }

        var text = SourceText.Decode(file.Source, bytes, Charset(file.ContentType));
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Empty(file.Source);
        }
        IReadOnlyList<KnowledgeDocument> documents = format switch
        {
            DocumentFormat.Markdown => [MarkdownArticleParser.Parse(file.Source, text)],
            DocumentFormat.Html => [HtmlDocumentParser.Parse(file.Source, text, file.Url)],
            DocumentFormat.PlainText => [PlainTextParser.Parse(file.Source, text)],
            DocumentFormat.FaqCsv => FaqCsvParser.Parse(file.Source, text),
            DocumentFormat.FaqJson => FaqJsonParser.Parse(file.Source, text),
            _ => throw new IngestionException(IngestError.UnsupportedType, $"'{file.Source}': {format} is not supported."),
        };
        return NonEmpty(file.Source, documents);
    }

    private static IReadOnlyList<KnowledgeDocument> NonEmpty(string source, IReadOnlyList<KnowledgeDocument> documents) =>
        documents.Count == 0 || documents.All(d => d.Sections.Count == 0) ? throw Empty(source) : documents.Select(d => d.Storable()).ToList();

    private static IngestionException Empty(string source) =>
        new(IngestError.Empty, $"'{source}' is empty: it has no text to add to the knowledge base.");

    private static string? MediaType(string? contentType) =>
        contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.MediaType : null;

    private static string? Charset(string? contentType) =>
        contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.CharSet : null;
}
