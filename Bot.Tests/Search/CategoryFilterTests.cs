using Bot.Knowledge.Embeddings;
using Bot.Knowledge.Ingestion;
using Bot.Knowledge.Search;
using Bot.Tests.Ingestion;
using Bot.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Npgsql;
using Pgvector.Npgsql;

namespace Bot.Tests.Search;

/// <summary>
/// A category filter keeps only that category's passages, and the HNSW side still finds them when they are far from
/// the question: with a narrow <c>ef_search</c> the index stops at that many rows, all of another category, unless
/// iterative scans (pgvector 0.8) let it go on.
/// </summary>
public sealed class CategoryFilterTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private const string Question = "watering tomato seedlings in the greenhouse";

    public async Task InitializeAsync()
    {
        var gardening = Enumerable.Range(1, 120).Select(i => Document($"garden-{i}.md", $"Garden note {i}", "general",
            $"Tomato seedlings need watering every morning in greenhouse bed {i}; mulch keeps the soil moist."));
        var billing = Enumerable.Range(1, 3).Select(i => Document($"invoice-{i}.md", $"Invoice question {i}", "billing",
            $"Download invoice number {i} as a PDF from the billing page; receipts list the VAT."));
        await SampleArticles.Store(database).StoreAsync(
            gardening.Concat(billing).Select(d => new DocumentGroup(d.Source, [d])).ToList(), CancellationToken.None);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await Index().RecordAsync(connection, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_filtered_search_finds_the_category_past_ef_search_with_iterative_scans()
    {
        var hits = await SearchAsync(HnswIterativeScan.RelaxedOrder, new KnowledgeQuery(Question, 5, Category: "billing"));

        Assert.Equal(3, hits.Count);
        Assert.All(hits, h => Assert.Equal("billing", h.Category));
        Assert.All(hits, h => Assert.Equal(0, h.TextScore));
    }

    [Fact]
    public async Task Without_iterative_scans_the_same_filter_finds_nothing()
    {
        var hits = await SearchAsync(HnswIterativeScan.Off, new KnowledgeQuery(Question, 5, Category: "billing"));

        Assert.Empty(hits);
    }

    [Fact]
    public async Task Without_a_filter_the_nearest_category_wins_and_a_filter_on_it_keeps_only_it()
    {
        var unfiltered = await SearchAsync(HnswIterativeScan.RelaxedOrder, new KnowledgeQuery(Question, 5));
        var general = await SearchAsync(HnswIterativeScan.RelaxedOrder, new KnowledgeQuery("download invoice pdf", 5, Category: "general"));

        Assert.Equal(5, unfiltered.Count);
        Assert.All(unfiltered, h => Assert.Equal("general", h.Category));
        Assert.NotEmpty(general);
        Assert.All(general, h => Assert.Equal("general", h.Category));
    }

    private VectorIndex Index() =>
        new(database.DataSource, new EmbedderInfo(EmbedderInfo.LexicalName, HashingEmbeddingGenerator.Dimensions));

    /// <summary>Searches on connections with the product's session settings, an ef_search of 10, and no sequential scans (this table is small).</summary>
    private async Task<IReadOnlyList<KnowledgeHit>> SearchAsync(HnswIterativeScan iterativeScan, KnowledgeQuery query)
    {
        var options = new SearchOptions { EfSearch = 10, IterativeScan = iterativeScan };
        var builder = new NpgsqlDataSourceBuilder(database.ConnectionString);
        builder.ConnectionStringBuilder.Options = $"{SearchSessionSettings.For(options)} -c enable_seqscan=off";
        builder.UseVector();
        await using var dataSource = builder.Build();
        var search = new HybridKnowledgeSearch(dataSource, new HashingEmbeddingGenerator(), Index(), Options.Create(options));
        return await search.SearchAsync(query, CancellationToken.None);
    }

    private static KnowledgeDocument Document(string source, string title, string category, string body) =>
        new(source, title, $"https://help.example/{source}", category, [new KnowledgeSection(title, body)]);
}
