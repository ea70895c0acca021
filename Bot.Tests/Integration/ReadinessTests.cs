using System.Net;
using System.Text.Json;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Integration;

/// <summary><c>/readyz</c>: the database answers, no migration is pending, which embedder runs, and chunks without a vector.</summary>
public sealed class ReadinessTests(BotHost host) : IClassFixture<BotHost>
{
    [Fact]
    public async Task Ready_reports_the_embedder_and_counts_chunks_waiting_for_a_vector()
    {
        using var http = host.CreateClient();
        var before = await ReadyAsync(http);
        Assert.Equal("ready", before.GetProperty("status").GetString());
        Assert.True(before.GetProperty("database").GetBoolean());
        Assert.Equal(0, before.GetProperty("pendingMigrations").GetArrayLength());
        Assert.False(string.IsNullOrEmpty(before.GetProperty("embedder").GetProperty("name").GetString()));
        var waiting = before.GetProperty("unembeddedChunks").GetInt64();

        await host.Database.CountAsync("""
            WITH d AS (
                INSERT INTO kb_documents (source, title, category, content_hash) VALUES ('readiness.md', 'Readiness', 'general', 'h')
                RETURNING id),
            c AS (
                INSERT INTO kb_chunks (document_id, ordinal, title, heading, content, category)
                SELECT id, 0, 'Readiness', 'Readiness', 'A chunk the embedder has not seen yet.', 'general' FROM d
                RETURNING 1)
            SELECT count(*) FROM c
            """);

        var after = await ReadyAsync(http);
        Assert.Equal(waiting + 1, after.GetProperty("unembeddedChunks").GetInt64());
    }

    private static async Task<JsonElement> ReadyAsync(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
    }
}
