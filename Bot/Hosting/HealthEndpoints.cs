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
            var report = new ReadyReport(pending.Count == 0 ? "ready" : "migrations pending", true, pending, Describe(embedder));
            return pending.Count == 0 ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return TypedResults.Json(new ReadyReport($"database unreachable: {ex.Message}", false, [], Describe(embedder)), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>The lexical fallback is reported, so an operator sees that semantic search is off.</summary>
    private static EmbedderReport Describe(EmbedderInfo embedder) => new(embedder.Name, embedder.Dimensions, embedder.IsSemantic);

    public sealed record ReadyReport(string Status, bool Database, IReadOnlyList<string> PendingMigrations, EmbedderReport Embedder);

    public sealed record EmbedderReport(string Name, int Dimensions, bool Semantic);
}
