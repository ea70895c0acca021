namespace Bot.Knowledge.Ingestion;

/// <summary>One page of documents, newest first; <paramref name="Next"/> is the <c>after</c> value of the next page, if any.</summary>
public sealed record KnowledgeDocumentPage(IReadOnlyList<KnowledgeDocumentSummary> Items, long? Next);
