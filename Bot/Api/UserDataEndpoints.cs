using Bot.Auth;
using Bot.Http;
using Bot.Knowledge.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Api;

/// <summary><c>DELETE /api/users/{id}/data</c>: erases everything stored about a person (privacy) and tells what went.</summary>
public static class UserDataEndpoints
{
    private const int MaxUserIdLength = 256;

    public static IEndpointRouteBuilder MapUserDataApi(this IEndpointRouteBuilder app)
    {
        app.MapDelete("/api/users/{id}/data", EraseAsync)
            .WithTags("Privacy")
            .WithName("EraseUserData")
            .WithSummary("Erases a person's state, conversations, transcripts, feedback, turn records, handoffs and learned data.")
            .RequireAuthorization(Policies.Admin);
        return app;
    }

    private static async Task<Results<Ok<ErasureResponse>, ProblemHttpResult>> EraseAsync(
        string id, IUserDataEraser eraser, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > MaxUserIdLength || id.Any(char.IsControl))
        {
            return ApiProblem.BadArgument($"The user id must be 1 to {MaxUserIdLength} printable characters.");
        }
        var report = await eraser.EraseAsync(id, cancellationToken);
        return TypedResults.Ok(new ErasureResponse(report.UserId, report.Removed, report.Total));
    }

    public sealed record ErasureResponse(string UserId, IReadOnlyDictionary<string, long> Removed, long Total);
}
