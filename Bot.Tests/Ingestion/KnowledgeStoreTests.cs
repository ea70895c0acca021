using Bot.Knowledge.Embeddings;
using Bot.Knowledge.Ingestion;
using Bot.Tests.Infrastructure;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Npgsql;
using Pgvector;

namespace Bot.Tests.Ingestion;

public sealed class KnowledgeStoreTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private readonly IEmbeddingGenerator<string, Embedding<float>> _embeddings = new HashingEmbeddingGenerator();

    private KnowledgeStore Store(bool embed = true) =>
        new(database.DataSource, Options.Create(new KnowledgeOptions { EmbeddingBatchSize = 3 }), embed ? _embeddings : null);

    private static KnowledgeDocument Article(string source, string body = "Open Billing and click Download.", string title = "Download an invoice") =>
        new(source, title, $"https://help.example/{source}", "billing",
            [new KnowledgeSection($"{title} > Steps", body), new KnowledgeSection($"{title} > Notes", "Invoices are PDF files.")]);

    private static DocumentGroup Faq(string file, params (string Question, string Answer)[] rows) =>
        new(file, FaqDocuments.Create(file, rows.Select((r, i) => (i + 1, new FaqEntry(r.Question, r.Answer, "general")))));

    [Fact]
    public async Task Reingesting_unchanged_content_writes_no_rows()
    {
        var store = Store();
        var groups = new[] { new DocumentGroup("unchanged-a.md", [Article("unchanged-a.md")]), Faq("unchanged.csv", ("Q one?", "A one."), ("Q two?", "A two.")) };
        var first = await store.StoreAsync(groups, CancellationToken.None);
        Assert.All(first.SelectMany(r => r), r => Assert.Equal(IngestOutcome.Created, r.Outcome));
        var before = await RowVersionsAsync("unchanged");

        var second = await store.StoreAsync(groups, CancellationToken.None);

        Assert.All(second.SelectMany(r => r), r => Assert.Equal(IngestOutcome.Unchanged, r.Outcome));
        Assert.Equal([2, 1, 1], second.SelectMany(r => r).Select(r => r.Chunks));
        Assert.Equal(before, await RowVersionsAsync("unchanged"));
    }

    [Fact]
    public async Task A_changed_document_is_replaced_in_place_and_others_are_untouched()
    {
        var store = Store();
        await store.StoreAsync([new("changed-a.md", [Article("changed-a.md")]), new("changed-b.md", [Article("changed-b.md")])], CancellationToken.None);
        var id = await IdAsync("changed-a.md");
        var oldChunks = await ChunkIdsAsync(id);
        var otherBefore = await RowVersionsAsync("changed-b");

        var outcome = await store.UpsertAsync(Article("changed-a.md", "Open Billing, then Invoices, and click the PDF icon."), CancellationToken.None);

        Assert.Equal(IngestOutcome.Updated, outcome);
        Assert.Equal(id, await IdAsync("changed-a.md"));
        var newChunks = await ChunkIdsAsync(id);
        Assert.Equal(2, newChunks.Count);
        Assert.Empty(newChunks.Intersect(oldChunks));
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM kb_chunks WHERE document_id = $1 AND content LIKE '%PDF icon%'", id));
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM kb_documents WHERE id = $1 AND updated_at > created_at", id));
        Assert.Equal(otherBefore, await RowVersionsAsync("changed-b"));
    }

    [Fact]
    public async Task Faq_rows_gone_from_the_file_are_deleted_and_changed_rows_updated()
    {
        var store = Store();
        await store.StoreAsync([Faq("rows.csv", ("Keep?", "Yes."), ("Change?", "Old."), ("Drop?", "Gone soon."))], CancellationToken.None);

        var results = (await store.StoreAsync([Faq("rows.csv", ("Keep?", "Yes."), ("Change?", "New."), ("Add?", "Added."))], CancellationToken.None))[0];

        Assert.Equal(
            [("rows.csv#keep", IngestOutcome.Unchanged), ("rows.csv#change", IngestOutcome.Updated), ("rows.csv#add", IngestOutcome.Created), ("rows.csv#drop", IngestOutcome.Deleted)],
            results.Select(r => (r.Source, r.Outcome)));
        Assert.Equal(3, await database.CountAsync("SELECT count(*) FROM kb_documents WHERE source LIKE 'rows.csv#%'"));
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM kb_chunks c JOIN kb_documents d ON d.id = c.document_id WHERE d.source = 'rows.csv#change' AND c.content = 'New.'"));
    }

    [Fact]
    public async Task A_failed_write_leaves_the_previous_version_whole()
    {
        var store = Store();
        await store.UpsertAsync(Article("atomic.md"), CancellationToken.None);
        var id = await IdAsync("atomic.md");
        var before = await RowVersionsAsync("atomic");

        // PostgreSQL rejects NUL in text: the COPY of the new chunks fails after the document row was updated.
        var broken = Article("atomic.md", "Broken \0 content.");
        await Assert.ThrowsAsync<PostgresException>(() => store.UpsertAsync(broken, CancellationToken.None));

        Assert.Equal(before, await RowVersionsAsync("atomic"));
        Assert.Equal(2, (await ChunkIdsAsync(id)).Count);
    }

    [Fact]
    public async Task In_a_batch_a_source_the_database_refuses_fails_alone()
    {
        var results = await Store().StoreAsync(
        [
            new("batch-ok-1.md", [Article("batch-ok-1.md")]),
            new("batch-bad.md", [Article("batch-bad.md", "Refused \0 text.")]),
            new("batch-ok-2.md", [Article("batch-ok-2.md")]),
        ], CancellationToken.None);

        Assert.Equal([IngestOutcome.Created, IngestOutcome.Failed, IngestOutcome.Created], results.Select(r => r.Single().Outcome));
        Assert.Equal(IngestError.StoreFailed, results[1][0].ErrorKind);
        Assert.Contains("batch-bad.md", results[1][0].Error, StringComparison.Ordinal);
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM kb_documents WHERE source = 'batch-bad.md'"));
        Assert.Equal(4, await database.CountAsync(
            "SELECT count(*) FROM kb_chunks c JOIN kb_documents d ON d.id = c.document_id WHERE d.source IN ('batch-ok-1.md', 'batch-ok-2.md')"));
    }

    [Fact]
    public async Task Chunks_get_the_generators_vector_of_title_heading_and_content()
    {
        var store = Store();
        await store.UpsertAsync(Article("vectors.md"), CancellationToken.None);

        await using var command = database.DataSource.CreateCommand(
            "SELECT c.title, c.heading, c.content, c.embedding FROM kb_chunks c JOIN kb_documents d ON d.id = c.document_id WHERE d.source = 'vectors.md' ORDER BY c.ordinal");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
            var expected = (await _embeddings.GenerateAsync([KnowledgeStore.EmbeddingText(reader.GetString(0), reader.GetString(1), reader.GetString(2))]))[0];
            var stored = reader.GetFieldValue<Vector>(3).ToArray();
            Assert.Equal(HashingEmbeddingGenerator.Dimensions, stored.Length);
            Assert.Equal(expected.Vector.ToArray(), stored);
        }
        Assert.Equal(2, rows);
    }

    [Fact]
    public async Task Without_an_embedding_generator_the_vector_is_null()
    {
        await Store(embed: false).UpsertAsync(Article("no-vectors.md"), CancellationToken.None);
        Assert.Equal(2, await database.CountAsync(
            "SELECT count(*) FROM kb_chunks c JOIN kb_documents d ON d.id = c.document_id WHERE d.source = 'no-vectors.md' AND c.embedding IS NULL"));
    }

    [Fact]
    public void Embedding_text_does_not_repeat_the_title_at_the_start_of_the_heading_path()
    {
        Assert.Equal("Reset\nSteps\nClick it.", KnowledgeStore.EmbeddingText("Reset", "Reset > Steps", "Click it."));
        Assert.Equal("Reset\nClick it.", KnowledgeStore.EmbeddingText("Reset", "Reset", "Click it."));
        Assert.Equal("Q?\nA.", KnowledgeStore.EmbeddingText("Q?", "", "A."));
        Assert.Equal("Guide\nOther > Part\nText", KnowledgeStore.EmbeddingText("Guide", "Other > Part", "Text"));
    }

    [Fact]
    public async Task Documents_are_deleted_by_id_or_by_source_with_all_their_rows()
    {
        var store = Store();
        await store.StoreAsync([new("delete-me.md", [Article("delete-me.md")]), Faq("delete.csv", ("One?", "1."), ("Two?", "2."))], CancellationToken.None);
        var id = await IdAsync("delete-me.md");

        Assert.True(await store.DeleteAsync(id, CancellationToken.None));
        Assert.False(await store.DeleteAsync(id, CancellationToken.None));
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM kb_chunks WHERE document_id = $1", id));

        var deleted = await store.DeleteSourceAsync("delete.csv", CancellationToken.None);
        Assert.Equal(["delete.csv#one", "delete.csv#two"], deleted.Order(StringComparer.Ordinal));
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM kb_documents WHERE source LIKE 'delete.csv%'"));
        Assert.Empty(await store.DeleteSourceAsync("delete.csv", CancellationToken.None));
    }

    [Fact]
    public async Task Listing_pages_newest_first_and_reading_one_document_with_its_chunks()
    {
        var store = Store();
        await store.StoreAsync(Enumerable.Range(1, 5).Select(i => new DocumentGroup($"page-{i}.md", [Article($"page-{i}.md")])).ToList(), CancellationToken.None);

        var all = new List<KnowledgeDocumentSummary>();
        long? after = null;
        var pages = 0;
        do
        {
            var page = await store.ListAsync(after, 2, CancellationToken.None);
            Assert.InRange(page.Items.Count, 1, 2);
            all.AddRange(page.Items);
            after = page.Next;
            pages++;
        }
        while (after is not null);

        Assert.Equal(all.Select(d => d.Id).OrderDescending(), all.Select(d => d.Id));
        Assert.Equal(all.Count, all.Select(d => d.Id).Distinct().Count());
        Assert.Equal(await database.CountAsync("SELECT count(*) FROM kb_documents"), all.Count);
        Assert.Equal((all.Count + 1) / 2, pages);
        var listed = all.Single(d => d.Source == "page-3.md");
        Assert.Equal(2, listed.ChunkCount);

        var details = await store.GetAsync(listed.Id, CancellationToken.None);
        Assert.NotNull(details);
        Assert.Equal("Download an invoice", details.Title);
        Assert.Equal(["Download an invoice > Steps", "Download an invoice > Notes"], details.Chunks.Select(c => c.Heading));
        Assert.All(details.Chunks, c => Assert.True(c.Embedded));
        Assert.Null(await store.GetAsync(long.MaxValue, CancellationToken.None));
    }

    private async Task<long> IdAsync(string source) =>
        await database.CountAsync("SELECT id FROM kb_documents WHERE source = $1", source);

    private async Task<List<long>> ChunkIdsAsync(long documentId)
    {
        await using var command = database.DataSource.CreateCommand("SELECT id FROM kb_chunks WHERE document_id = $1 ORDER BY id");
        command.Parameters.Add(new NpgsqlParameter { Value = documentId });
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }
        return ids;
    }

    /// <summary>Physical row versions (ctid, xmin) and timestamps of the documents whose source starts with the prefix, and of their chunks.</summary>
    private async Task<List<string>> RowVersionsAsync(string prefix)
    {
        await using var command = database.DataSource.CreateCommand("""
            SELECT 'd' || d.id || ' ' || d.ctid::text || ' ' || d.xmin::text || ' ' || d.updated_at::text FROM kb_documents d WHERE starts_with(d.source, $1)
            UNION ALL
            SELECT 'c' || c.id || ' ' || c.ctid::text || ' ' || c.xmin::text FROM kb_chunks c JOIN kb_documents d ON d.id = c.document_id WHERE starts_with(d.source, $1)
            ORDER BY 1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = prefix });
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }
        Assert.NotEmpty(rows);
        return rows;
    }
}
