using Bot.Knowledge.Embeddings;
using Bot.Knowledge.Learning;
using Bot.Knowledge.Search;
using Bot.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Learning;

/// <summary>Repeated thumbs-down on a chunk demotes it for similar questions, and only for those.</summary>
public sealed class ChunkDemotionTests : IAsyncLifetime
{
    private const string Question = "how do I cancel my monthly subscription";
    private readonly TestDatabase _database = new();
    private long _chunk;
    private long _otherChunk;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await using var command = _database.DataSource.CreateCommand("""
            WITH d AS (INSERT INTO kb_documents (source, title, content_hash) VALUES ('cancel.md', 'Cancel', 'h') RETURNING id)
            INSERT INTO kb_chunks (document_id, ordinal, title, content)
            SELECT d.id, n, 'Cancel', 'Chunk ' || n FROM d, generate_series(0, 1) n
            RETURNING id
            """);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<long>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }
        (_chunk, _otherChunk) = (ids[0], ids[1]);
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Two_conversations_rating_a_chunk_down_demote_it_for_similar_questions()
    {
        var store = Store();
        await store.RecordAsync(new NegativeFeedback(Question, [_chunk], "conversation-a", "user-a", null), CancellationToken.None);
        Assert.Empty(await store.PenaltiesAsync(Question, [_chunk, _otherChunk], CancellationToken.None));

        await store.RecordAsync(new NegativeFeedback("how can I cancel my monthly subscription?", [_chunk], "conversation-b", "user-b", null), CancellationToken.None);
        var penalties = await store.PenaltiesAsync("How do I cancel my monthly subscription", [_chunk, _otherChunk], CancellationToken.None);

        Assert.Equal([_chunk], penalties.Keys);
        Assert.Equal(new LearningOptions().DemotionFactor, penalties[_chunk], 6);
        Assert.Empty(await store.PenaltiesAsync("what are your support hours", [_chunk], CancellationToken.None));
    }

    [Fact]
    public async Task The_same_conversation_rating_twice_counts_once()
    {
        var store = Store();
        await store.RecordAsync(new NegativeFeedback(Question, [_chunk], "conversation-c", null, null), CancellationToken.None);
        await store.RecordAsync(new NegativeFeedback(Question, [_chunk], "conversation-c", null, null), CancellationToken.None);
        Assert.Empty(await store.PenaltiesAsync(Question, [_chunk], CancellationToken.None));
    }

    [Fact]
    public async Task Demoted_hits_drop_below_the_others()
    {
        var store = Store();
        foreach (var conversation in new[] { "d1", "d2", "d3" })
        {
            await store.RecordAsync(new NegativeFeedback(Question, [_chunk], conversation, null, null), CancellationToken.None);
        }
        KnowledgeHit[] hits =
        [
            new(_chunk, 1, "Cancel", null, "", "Chunk 0", null, 0.030, 0, 0),
            new(_otherChunk, 1, "Cancel", null, "", "Chunk 1", null, 0.020, 0, 0),
        ];

        var demoted = await store.DemoteAsync(Question, hits, CancellationToken.None);

        Assert.Equal([_otherChunk, _chunk], demoted.Select(h => h.ChunkId));
        Assert.Equal(0.030 * 0.25, demoted[1].Score, 6);
    }

    [Fact]
    public async Task Feedback_on_a_chunk_that_no_longer_exists_is_skipped()
    {
        await Store().RecordAsync(new NegativeFeedback(Question, [987654], "conversation-e", null, null), CancellationToken.None);
        Assert.Equal(0, await _database.CountAsync("SELECT count(*) FROM chunk_demotions"));
    }

    private PostgresChunkDemotionStore Store() => new(
        _database.DataSource, new HashingEmbeddingGenerator(), new EmbedderInfo(EmbedderInfo.LexicalName, 256), Options.Create(new LearningOptions()));
}
