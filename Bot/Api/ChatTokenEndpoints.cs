using System.Threading.RateLimiting;
using Bot.DirectLine;
using Bot.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;

namespace Bot.Api;

/// <summary><c>POST /api/chat/token</c>: a Direct Line token for the web chat page, so the secret never reaches a browser.</summary>
public static class ChatTokenEndpoints
{
    public const string RateLimitPolicy = "chat-token";

    public static IServiceCollection AddChatTokenRateLimit(this IServiceCollection services, int permitsPerMinute = 30) =>
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await ApiProblem.Create(StatusCodes.Status429TooManyRequests, "Throttled", "Too many token requests; try again in a minute.")
                    .ExecuteAsync(context.HttpContext);
            };
            options.AddPolicy(RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });

    public static IEndpointRouteBuilder MapChatToken(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/chat/token", IssueAsync)
            .WithName("ChatToken")
            .WithTags("Chat")
            .RequireRateLimiting(RateLimitPolicy)
            .AllowAnonymous();
        return app;
    }

    private static async Task<Results<Ok<ChatToken>, ProblemHttpResult>> IssueAsync(
        HttpRequest request, DirectLineChannel channel, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<ChatTokenRequest>(request, 4096, allowEmpty: true, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        if (body?.UserId is { } userId && !DirectLineIds.IsValidUserId(userId))
        {
            return ApiProblem.BadArgument("userId must be one this endpoint gave out (dl_ and 16 to 64 URL-safe characters).");
        }
        var name = body?.UserName is { Length: > 0 and <= 100 } userName ? userName : null;
        return TypedResults.Ok(channel.IssueToken(body?.UserId, name));
    }
}
