using Bot.Knowledge.Embeddings;
using Bot.Knowledge.Ingestion;
using Bot.Knowledge.Search;
using Bot.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Ingestion;

/// <summary>
/// The postings BM25 reads (<c>kb_postings</c>) stay equal to what the chunks' tsvectors hold, through inserts (COPY),
/// replacements, deletions and a truncate; and search ranks from them.
/// </summary>
public sealed class PostingsTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private KnowledgeStore Store() => SampleArticles.Store(database);

    private static KnowledgeDocument Article(string source, string title, string body) => SampleArticles.Article(source, title, body);

    [Fact]
    public async Task Postings_follow_inserts_replacements_deletions_and_truncate()
    {
        var store = Store();
        await store.StoreAsync(
        [
            new DocumentGroup("postings-a.md", [Article("postings-a.md", "Download an invoice", "Open Billing and click Download. Download again later.")]),
            new DocumentGroup("postings-b.md", [Article("postings-b.md", "Refund policy", "Annual plans are refunded within 30 days.")]),
        ], CancellationToken.None);
        await AssertMatchesChunksAsync();
        // "download": once in the title, once in the heading path, twice in the body.
        Assert.Equal(1, await database.CountAsync("""
            SELECT count(*) FROM kb_postings p JOIN kb_chunks c ON c.id = p.chunk_id
            WHERE c.content LIKE '%again later%' AND p.lexeme = 'download'
              AND p.title_tf = 1 AND p.heading_tf = 1 AND p.body_tf = 2
            """));

        await store.UpsertAsync(Article("postings-a.md", "Download an invoice", "Open Billing, then Invoices, and click the PDF icon."), CancellationToken.None);
        await AssertMatchesChunksAsync();

        await store.DeleteSourceAsync("postings-b.md", CancellationToken.None);
        await AssertMatchesChunksAsync();
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM kb_postings WHERE lexeme = 'refund'"));

        await store.StoreAsync([new DocumentGroup("postings-c.md", [Article("postings-c.md", "Change your plan", "Open Billing and pick a plan.")])], CancellationToken.None);
        await AssertMatchesChunksAsync();

        var search = new HybridKnowledgeSearch(database.DataSource, new HashingEmbeddingGenerator(),
            new VectorIndex(database.DataSource, new EmbedderInfo(EmbedderInfo.LexicalName, HashingEmbeddingGenerator.Dimensions)),
            Options.Create(new SearchOptions { VectorWeight = 0 }));
        var hits = await search.SearchAsync(new KnowledgeQuery("how do I change my plan", 3), CancellationToken.None);
        Assert.Equal("Change your plan", hits[0].Title);
        Assert.True(hits[0].TextScore > 0);

        await using (var truncate = database.DataSource.CreateCommand("TRUNCATE kb_chunks CASCADE"))
        {
            await truncate.ExecuteNonQueryAsync();
        }
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM kb_postings"));
    }

    private async Task AssertMatchesChunksAsync()
    {
        const string FromChunks = """
            SELECT u.lexeme, c.id,
                   COALESCE(cardinality(array_positions(u.weights, 'A')), 0),
                   COALESCE(cardinality(array_positions(u.weights, 'B')), 0),
                   cardinality(u.weights) - COALESCE(cardinality(array_positions(u.weights, 'A')), 0)
                       - COALESCE(cardinality(array_positions(u.weights, 'B')), 0),
                   length(c.tsv)
            FROM kb_chunks c, unnest(c.tsv) AS u
            """;
        const string FromPostings = "SELECT lexeme, chunk_id, title_tf, heading_tf, body_tf, chunk_terms FROM kb_postings";
        Assert.Equal(0, await database.CountAsync($"""
            SELECT count(*) FROM (
                ({FromChunks} EXCEPT ALL {FromPostings}) UNION ALL ({FromPostings} EXCEPT ALL {FromChunks})) difference
            """));
        Assert.True(await database.CountAsync("SELECT count(*) FROM kb_postings") > 0);
    }
}
