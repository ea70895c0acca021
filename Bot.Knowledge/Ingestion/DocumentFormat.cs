namespace Bot.Knowledge.Ingestion;

/// <summary>The formats the knowledge base reads.</summary>
public enum DocumentFormat
{
    Markdown,
    Html,
    PlainText,
    FaqCsv,
    FaqJson,
    Pdf,
}
