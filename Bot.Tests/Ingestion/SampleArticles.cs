using Bot.Knowledge.Embeddings;
using Bot.Knowledge.Ingestion;
using Bot.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Ingestion;

/// <summary>Small articles and a knowledge store over a test database, for the tests of what the triggers keep.</summary>
public static class SampleArticles
{
    public static KnowledgeStore Store(TestDatabase database) =>
        new(database.DataSource, Options.Create(new KnowledgeOptions()), new HashingEmbeddingGenerator());

    /// <summary>A billing article of two sections: <paramref name="body"/> under "Steps" and a fixed note.</summary>
    public static KnowledgeDocument Article(string source, string title, string body) =>
        new(source, title, $"https://help.example/{source}", "billing",
            [new KnowledgeSection($"{title} > Steps", body), new KnowledgeSection($"{title} > Notes", "Invoices are PDF files.")]);
}
