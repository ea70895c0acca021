using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Bot.Knowledge.Ingestion;

/// <summary>
/// Reads the text of a PDF with PdfPig, one section per page (heading <c>"Page N"</c>, so an answer can point into the
/// file); the title comes from the document information or the file name. Scanned PDFs without a text layer are empty.
/// </summary>
public static class PdfDocumentParser
{
    public static KnowledgeDocument Parse(string source, byte[] pdf)
    {
        try
        {
            using var document = PdfDocument.Open(pdf);
            var sections = new List<KnowledgeSection>();
            foreach (var page in document.GetPages())
            {
                var text = ContentOrderTextExtractor.GetText(page).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
                if (text.Length > 0)
                {
                    sections.Add(new KnowledgeSection($"Page {page.Number}", text));
                }
            }
            var title = string.IsNullOrWhiteSpace(document.Information.Title) ? SourceNames.FallbackTitle(source) : document.Information.Title.Trim();
            return new KnowledgeDocument(source, title, null, null, sections);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // PdfPig signals bad input with many exception types (format, encryption, fonts, plain bugs on odd files).
            throw new IngestionException(IngestError.Malformed, $"'{source}' could not be read as a PDF: {ex.Message}", ex);
        }
    }
}
