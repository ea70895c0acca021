namespace Bot.Knowledge.Ingestion;

/// <summary>
/// Turns FAQ entries into documents: <b>one document per question</b>, source <c>"&lt;file&gt;#&lt;question-slug&gt;"</c>,
/// titled by the question, holding the answer as its single, never-split section. Each pair then has its own title,
/// URL and category in search results and can be listed or deleted alone, and the question (the title) is matched as a
/// strong field by full-text and vector search. The file is still the unit of ingestion: re-ingesting it replaces its
/// rows in one transaction and removes rows it no longer has; deleting the file's source deletes them all.
/// </summary>
public static class FaqDocuments
{
    public static IReadOnlyList<KnowledgeDocument> Create(string source, IEnumerable<(int Line, FaqEntry Entry)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var documents = new List<KnowledgeDocument>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, entry) in entries)
        {
            var question = entry.Question?.Trim() ?? "";
            var answer = entry.Answer?.Trim() ?? "";
            if (question.Length == 0 && answer.Length == 0)
            {
                continue;
            }
            if (question.Length == 0 || answer.Length == 0)
            {
                throw new IngestionException(IngestError.Malformed,
                    $"'{source}' entry {line} has {(question.Length == 0 ? "no question" : "no answer")}; every FAQ entry needs both.");
            }
            var slug = SourceNames.Slug(question);
            var key = slug;
            for (var n = 2; !used.Add(key); n++)
            {
                key = $"{slug}-{n}";
            }
            documents.Add(new KnowledgeDocument(
                $"{source}{SourceNames.RowSeparator}{key}",
                question,
                string.IsNullOrWhiteSpace(entry.Url) ? null : entry.Url.Trim(),
                string.IsNullOrWhiteSpace(entry.Category) ? null : entry.Category.Trim(),
                [new KnowledgeSection("", answer, KeepWhole: true)]));
        }
        return documents;
    }
}
