using Bot.Auth;
using Bot.Http;
using Bot.Knowledge.Search;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Api;

/// <summary>The knowledge-base admin API under <c>/api/kb</c>.</summary>
public static class KnowledgeEndpoints
{
    public static IEndpointRouteBuilder MapKnowledgeApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/kb").WithTags("Knowledge base").RequireAuthorization(Policies.Admin);
        group.MapGet("/search", SearchAsync).WithName("SearchKnowledgeBase").WithSummary("Ranked passages for a question.");
        return app;
    }

    private static async Task<Results<Ok<SearchResponse>, ProblemHttpResult>> SearchAsync(
        string? q, int? k, IKnowledgeSearch search, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return ApiProblem.BadArgument("Give a question in the q parameter.");
        }
        if (k is < 1 or > 50)
        {
            return ApiProblem.BadArgument("k must be between 1 and 50.");
        }
        var hits = await search.SearchAsync(new KnowledgeQuery(q, k ?? 5), cancellationToken);
        return TypedResults.Ok(new SearchResponse(hits.Select(h => new SearchResult(
            h.DocumentId, h.ChunkId, h.Title, h.Url, Snippet(h.Content), h.Score, h.VectorScore, h.TextScore)).ToList()));
    }

    private static string Snippet(string content) => content.Length <= 300 ? content : content[..300].TrimEnd() + "…";

    public sealed record SearchResponse(IReadOnlyList<SearchResult> Results);

    public sealed record SearchResult(
        long DocumentId, long ChunkId, string Title, string? Url, string Snippet, double Score, double VectorScore, double TextScore);
}
