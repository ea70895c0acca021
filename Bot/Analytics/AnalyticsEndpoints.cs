using Bot.Auth;
using Bot.Http;
using Bot.Knowledge.Analytics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Analytics;

/// <summary>
/// <c>/api/analytics/*</c> (agents and admins): the figures behind the dashboard, computed from the database for a
/// period <c>[from, to)</c> and an optional route. Definitions: docs/analytics.md.
/// </summary>
public static class AnalyticsEndpoints
{
    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/analytics").WithTags("Analytics").RequireAuthorization(Policies.Agent);
        group.MapGet("/summary", SummaryAsync).WithSummary("Headline figures of the period and of the period before.");
        group.MapGet("/series", SeriesAsync).WithSummary("The figures hour by hour or day by day (interval=hour|day).");
        group.MapGet("/breakdowns", BreakdownsAsync).WithSummary("Escalation reasons, routes, outcomes, answer sources, intents, agents.");
        group.MapGet("/gaps", GapsAsync).WithSummary("Questions the bot could not answer well, grouped by similarity.");
        group.MapGet("/conversations", ConversationsAsync).WithSummary("Conversations of the period with their outcome, paged.");
        group.MapGet("/conversations.csv", ExportAsync).WithSummary("Conversations of the period with their outcome, as CSV.");
        group.MapGet("/conversations/{id}", ConversationAsync).WithSummary("A conversation's transcript and per-turn trace.");
        return app;
    }

    private static async Task<Results<JsonHttpResult<AnalyticsSummary>, ProblemHttpResult>> SummaryAsync(
        HttpRequest request, AnalyticsStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var (query, problem) = AnalyticsRequest.Read(request, time);
        return problem ?? (Results<JsonHttpResult<AnalyticsSummary>, ProblemHttpResult>)AnalyticsJson.Ok(await store.SummaryAsync(query!, cancellationToken));
    }

    private static async Task<Results<JsonHttpResult<AnalyticsSeries>, ProblemHttpResult>> SeriesAsync(
        HttpRequest request, AnalyticsStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var (query, problem) = AnalyticsRequest.Read(request, time);
        if (problem is not null)
        {
            return problem;
        }
        var span = query!.To - query.From;
        var interval = request.Query["interval"].ToString() is { Length: > 0 } given ? given : span <= TimeSpan.FromDays(2) ? AnalyticsStore.Hour : AnalyticsStore.Day;
        if (interval is not (AnalyticsStore.Hour or AnalyticsStore.Day))
        {
            return ApiProblem.BadArgument("interval must be hour or day.");
        }
        if (interval == AnalyticsStore.Hour && span > TimeSpan.FromDays(31))
        {
            return ApiProblem.BadArgument("interval=hour covers at most 31 days; use interval=day.");
        }
        return AnalyticsJson.Ok(await store.SeriesAsync(query, interval, cancellationToken));
    }

    private static async Task<Results<JsonHttpResult<AnalyticsBreakdowns>, ProblemHttpResult>> BreakdownsAsync(
        HttpRequest request, AnalyticsStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var (query, problem) = AnalyticsRequest.Read(request, time);
        return problem ?? (Results<JsonHttpResult<AnalyticsBreakdowns>, ProblemHttpResult>)AnalyticsJson.Ok(await store.BreakdownsAsync(query!, cancellationToken));
    }

    private static async Task<Results<JsonHttpResult<KnowledgeGaps>, ProblemHttpResult>> GapsAsync(
        HttpRequest request, AnalyticsStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var (query, problem) = AnalyticsRequest.Read(request, time);
        if (problem is not null || !AnalyticsRequest.TryInt(request, "limit", 50, 1, 500, out var limit, out problem))
        {
            return problem!;
        }
        return AnalyticsJson.Ok(await store.GapsAsync(query!, limit, cancellationToken));
    }

    private static async Task<Results<JsonHttpResult<ConversationPage>, ProblemHttpResult>> ConversationsAsync(
        HttpRequest request, AnalyticsStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var (query, problem) = AnalyticsRequest.Read(request, time);
        if (problem is not null
            || !AnalyticsRequest.TryInt(request, "page", 1, 1, 100_000, out var page, out problem)
            || !AnalyticsRequest.TryInt(request, "pageSize", 25, 1, 200, out var pageSize, out problem)
            || !TryOutcome(request, out var outcome, out problem))
        {
            return problem!;
        }
        return AnalyticsJson.Ok(await store.ConversationsAsync(query!, outcome, page, pageSize, cancellationToken));
    }

    private static async Task<IResult> ExportAsync(HttpRequest request, AnalyticsStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var (query, problem) = AnalyticsRequest.Read(request, time);
        if (problem is not null || !TryOutcome(request, out var outcome, out problem))
        {
            return problem!;
        }
        var rows = await store.ExportAsync(query!, outcome, cancellationToken);
        var name = $"conversations-{query!.From.UtcDateTime:yyyyMMdd'T'HHmm}-{query.To.UtcDateTime:yyyyMMdd'T'HHmm}.csv";
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(ConversationCsv.Write(rows)), "text/csv; charset=utf-8", name);
    }

    private static async Task<Results<JsonHttpResult<ConversationDetail>, ProblemHttpResult>> ConversationAsync(
        string id, AnalyticsStore store, CancellationToken cancellationToken)
    {
        if (id.Length > 256)
        {
            return ApiProblem.BadArgument("The conversation id is longer than 256 characters.");
        }
        return await store.ConversationAsync(id, cancellationToken) is { } detail
            ? AnalyticsJson.Ok(detail)
            : ApiProblem.NotFound($"No conversation '{id}' with bot replies.");
    }

    private static bool TryOutcome(HttpRequest request, out string? outcome, out ProblemHttpResult? problem)
    {
        var text = request.Query["outcome"].ToString();
        outcome = text.Length == 0 ? null : text;
        problem = outcome is null || ConversationOutcomes.All.Contains(outcome)
            ? null
            : ApiProblem.BadArgument($"outcome must be one of: {string.Join(", ", ConversationOutcomes.All)}.");
        return problem is null;
    }
}
