using Bot.Knowledge.Database;
using Bot.Knowledge.Embeddings;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Bot.Hosting;

/// <summary><c>/healthz</c> (the process is up) and <c>/readyz</c> (the database answers and its schema is current).</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok" })).WithTags("Health").AllowAnonymous();
        app.MapGet("/readyz", ReadyAsync).WithTags("Health").AllowAnonymous();
        return app;
    }

    private static async Task<Results<Ok<ReadyReport>, JsonHttpResult<ReadyReport>>> ReadyAsync(
        NpgsqlDataSource dataSource, DatabaseMigrator migrator, EmbedderInfo embedder, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            var pending = migrator.Pending();
            long? unembedded = null;
            if (pending.Count == 0)
            {
                await using var count = dataSource.CreateCommand("SELECT count(*) FROM kb_chunks WHERE embedding IS NULL");
                unembedded = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
            }
            var report = new ReadyReport(pending.Count == 0 ? "ready" : "migrations pending", true, pending, Describe(embedder), unembedded);
            return pending.Count == 0 ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return TypedResults.Json(new ReadyReport($"database unreachable: {ex.Message}", false, [], Describe(embedder), null), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>The lexical fallback is reported, so an operator sees that semantic search is off.</summary>
    private static EmbedderReport Describe(EmbedderInfo embedder) => new(embedder.Name, embedder.Dimensions, embedder.IsSemantic);

    /// <summary>
    /// Readiness: the database, pending migrations, the embedder, and how many chunks have no vector yet (those are
    /// found by full text only until <c>kb reembed</c> gives them one; null when the database cannot say).
    /// </summary>
    public sealed record ReadyReport(string Status, bool Database, IReadOnlyList<string> PendingMigrations, EmbedderReport Embedder, long? UnembeddedChunks);

    public sealed record EmbedderReport(string Name, int Dimensions, bool Semantic);
}
