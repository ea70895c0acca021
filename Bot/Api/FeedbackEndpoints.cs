using System.Security.Claims;
using System.Text.RegularExpressions;
using Bot.Auth;
using Bot.Http;
using Bot.Knowledge.Learning;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Api;

/// <summary>
/// <c>POST /api/feedback/corrections</c>: an agent's (or admin's) approved answer to a customer question. It becomes a
/// learned answer, given to the next customer who asks the same thing in other words, and a router example.
/// </summary>
public static partial class FeedbackEndpoints
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
        var question = body!.Question?.Trim();
        var answer = body.Answer?.Trim();
        if (string.IsNullOrEmpty(question))
        {
            return ApiProblem.BadArgument("question is required: the customer's question the answer is for.");
        }
        if (question.Length > PostgresLearnedAnswerStore.MaxQuestionLength)
        {
            return ApiProblem.BadArgument($"question is longer than {PostgresLearnedAnswerStore.MaxQuestionLength} characters.");
        }
        if (string.IsNullOrEmpty(answer))
        {
            return ApiProblem.BadArgument("answer is required: the approved answer.");
        }
        if (answer.Length > PostgresLearnedAnswerStore.MaxAnswerLength)
        {
            return ApiProblem.BadArgument($"answer is longer than {PostgresLearnedAnswerStore.MaxAnswerLength} characters.");
        }
        var route = string.IsNullOrWhiteSpace(body.Route) ? null : body.Route.Trim().ToLowerInvariant();
        if (route is not null && !RouteName().IsMatch(route))
        {
            return ApiProblem.BadArgument("route must be a route name: 1 to 64 lower-case letters, digits, '_' or '-'.");
        }
        var activityId = string.IsNullOrWhiteSpace(body.ActivityId) ? null : body.ActivityId.Trim();
        if (activityId is { Length: > 256 })
        {
            return ApiProblem.BadArgument("activityId is longer than 256 characters.");
        }

        var result = await corrections.ApplyAsync(
            new Correction(question, answer, route, activityId, user.Identity?.Name), cancellationToken);
        return TypedResults.Created(
            $"/api/feedback/corrections/{result.LearnedAnswerId}",
            new CorrectionResponse(result.LearnedAnswerId, question, result.RouterExampleRoute, result.RouterExampleRoute is not null));
    }

    [GeneratedRegex("^[a-z0-9_-]{1,64}$")]
    private static partial Regex RouteName();

    /// <summary>The body of a correction; every field optional here so a missing one is a 400 with a message, not a binding failure.</summary>
    public sealed record CorrectionRequest(string? Question, string? Answer, string? Route, string? ActivityId);

    public sealed record CorrectionResponse(long LearnedAnswerId, string Question, string? Route, bool RouterExampleAdded);
}
