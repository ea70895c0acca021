using System.Text.Json;

namespace Bot.Knowledge.Ingestion;

/// <summary>FAQ JSON: an array of <c>{ "question", "answer", "category"?, "url"? }</c> objects.</summary>
public static class FaqJsonParser
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static IReadOnlyList<KnowledgeDocument> Parse(string source, string json)
    {
        List<FaqEntry?>? entries;
        try
        {
            entries = JsonSerializer.Deserialize<List<FaqEntry?>>(json, Options);
        }
        catch (JsonException ex)
        {
            throw new IngestionException(IngestError.Malformed,
                $"'{source}' is not an FAQ JSON array of {{question, answer, category?, url?}}: {ex.Message}", ex);
        }
        if (entries is null)
        {
            throw new IngestionException(IngestError.Malformed, $"'{source}' must be a JSON array of {{question, answer}} objects.");
        }
        return FaqDocuments.Create(source, entries.Select((entry, index) => (index + 1, entry ?? new FaqEntry("", ""))));
    }
}
