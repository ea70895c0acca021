using System.Security.Claims;
using Bot.Auth;
using Bot.Http;
using Bot.Knowledge.Learning;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Api;

/// <summary>
/// <c>POST /api/feedback/corrections</c>: an agent's (or admin's) approved answer to a customer question. It becomes a
/// learned answer, given to the next customer who asks the same thing in other words, and a router example.
/// </summary>
public static class FeedbackEndpoints
{
    private const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapFeedbackApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/feedback").WithTags("Feedback").RequireAuthorization(Policies.Agent);
        group.MapPost("/corrections", CorrectAsync)
            .WithName("AddCorrection")
            .WithSummary("Stores an approved answer for a question (a learned answer and a router example).");
        return app;
    }

    private static async Task<Results<Created<CorrectionResponse>, ProblemHttpResult>> CorrectAsync(
        HttpRequest request, ClaimsPrincipal user, CorrectionService corrections, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<CorrectionRequest>(request, MaxBodyBytes, allowEmpty: false, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var (correction, error) = CorrectionInput.Read(body!.Question, body.Answer, body.Route, body.ActivityId, user.Identity?.Name);
        if (correction is null)
        {
            return ApiProblem.BadArgument(error!);
        }
        var result = await corrections.ApplyAsync(correction, cancellationToken);
        return TypedResults.Created(
            $"/api/feedback/corrections/{result.LearnedAnswerId}",
            new CorrectionResponse(result.LearnedAnswerId, correction.Question, result.RouterExampleRoute, result.RouterExampleRoute is not null));
    }

    /// <summary>The body of a correction; every field optional here so a missing one is a 400 with a message, not a binding failure.</summary>
    public sealed record CorrectionRequest(string? Question, string? Answer, string? Route, string? ActivityId);

    public sealed record CorrectionResponse(long LearnedAnswerId, string Question, string? Route, bool RouterExampleAdded);
}
