using CsvHelper;

namespace Bot.Knowledge.Ingestion;

/// <summary>FAQ CSV (RFC 4180, header row required): columns <c>question,answer[,category,url]</c> in any order.</summary>
public static class FaqCsvParser
{
    private static readonly CsvReaderOptions Options = new()
    {
        Separator = ',',
        HasHeader = true,
        AllowLineBreaksInQuotes = true,
        SkipEmptyLines = true,
        TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Throw,
    };

    public static IReadOnlyList<KnowledgeDocument> Parse(string source, string csv)
    {
        try
        {
            using var reader = CsvReader.FromText(csv, Options);
            reader.ReadHeader();
            var header = reader.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
            var question = header.IndexOf("question");
            var answer = header.IndexOf("answer");
            if (question < 0 || answer < 0)
            {
                throw new IngestionException(IngestError.Malformed,
                    $"'{source}' needs a header row naming the columns question,answer[,category,url]; found '{string.Join(',', header)}'.");
            }
            var category = header.IndexOf("category");
            var url = header.IndexOf("url");
            var entries = new List<(int, FaqEntry)>();
            while (reader.Read())
            {
                entries.Add(((int)reader.LineNumber, new FaqEntry(
                    reader.GetString(question),
                    reader.GetString(answer),
                    category < 0 ? null : reader.GetString(category),
                    url < 0 ? null : reader.GetString(url))));
            }
            return FaqDocuments.Create(source, entries);
        }
        catch (CsvFormatException ex)
        {
            throw new IngestionException(IngestError.Malformed, $"'{source}' is not a valid FAQ CSV: {ex.Message}", ex);
        }
    }
}
