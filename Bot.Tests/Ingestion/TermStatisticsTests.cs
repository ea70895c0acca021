using Bot.Knowledge.Embeddings;
using Bot.Knowledge.Ingestion;
using Bot.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Ingestion;

/// <summary>
/// The BM25 statistics (<c>kb_terms</c>, <c>kb_term_totals</c>) stay equal to what PostgreSQL computes from the chunks
/// themselves, through inserts (COPY), replacements, deletions and a truncate.
/// </summary>
public sealed class TermStatisticsTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private KnowledgeStore Store() => SampleArticles.Store(database);

    private static KnowledgeDocument Article(string source, string title, string body) => SampleArticles.Article(source, title, body);

    [Fact]
    public async Task Statistics_follow_inserts_replacements_deletions_and_truncate()
    {
        var store = Store();
        await store.StoreAsync(
        [
            new DocumentGroup("terms-a.md", [Article("terms-a.md", "Download an invoice", "Open Billing and click Download.")]),
            new DocumentGroup("terms-b.md", [Article("terms-b.md", "Refund policy", "Annual plans are refunded within 30 days.")]),
        ], CancellationToken.None);
        await AssertMatchesChunksAsync();
        Assert.Equal(3, await database.CountAsync("SELECT chunks FROM kb_terms WHERE lexeme = 'invoic'"));

        await store.UpsertAsync(Article("terms-a.md", "Download an invoice", "Open Billing, then Invoices, and click the PDF icon."), CancellationToken.None);
        await AssertMatchesChunksAsync();

        await store.DeleteSourceAsync("terms-b.md", CancellationToken.None);
        await AssertMatchesChunksAsync();
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM kb_terms WHERE lexeme = 'refund'"));
        Assert.Equal(2, await database.CountAsync("SELECT chunks FROM kb_terms WHERE lexeme = 'invoic'"));

        await store.StoreAsync([new DocumentGroup("terms-c.md", [Article("terms-c.md", "Change your plan", "Open Billing and pick a plan.")])], CancellationToken.None);
        await AssertMatchesChunksAsync();
        await using (var truncate = database.DataSource.CreateCommand("TRUNCATE kb_chunks CASCADE"))
        {
            await truncate.ExecuteNonQueryAsync();
        }
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM kb_terms"));
        Assert.Equal(0, await database.CountAsync("SELECT chunks + lexemes FROM kb_term_totals"));
    }

    private async Task AssertMatchesChunksAsync()
    {
        Assert.Equal(0, await database.CountAsync("""
            SELECT count(*) FROM (
                (SELECT lexeme, chunks FROM kb_terms EXCEPT SELECT word, ndoc FROM ts_stat('SELECT tsv FROM kb_chunks'))
                UNION ALL
                (SELECT word, ndoc FROM ts_stat('SELECT tsv FROM kb_chunks') EXCEPT SELECT lexeme, chunks FROM kb_terms)) difference
            """));
        Assert.Equal(1, await database.CountAsync("""
            SELECT count(*) FROM kb_term_totals t
            WHERE t.chunks = (SELECT count(*) FROM kb_chunks) AND t.lexemes = (SELECT COALESCE(sum(length(tsv)), 0) FROM kb_chunks)
            """));
    }
}
