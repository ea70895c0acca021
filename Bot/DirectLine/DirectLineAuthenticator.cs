using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Bot.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Bot.DirectLine;

/// <summary>
/// Works out who is calling from the <c>Authorization: Bearer</c> header (the secret, or a conversation token) and
/// applies the per-token rate limit.
/// </summary>
public sealed class DirectLineAuthenticator(DirectLineTokens tokens, DirectLineRateLimiter rateLimiter, IOptions<DirectLineOptions> options)
{
    public async Task<(DirectLineCaller? Caller, ProblemHttpResult? Problem)> AuthenticateAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
        {
            return (null, ApiProblem.Unauthorized("Missing token or secret."));
        }
        var credential = header[7..].Trim();
        if (IsSecret(credential))
        {
            // A secret in a browser request would leak to every visitor: pages must use tokens.
            return request.Headers.Origin.Count > 0
                ? (null, ApiProblem.Forbidden("BadArgument", "The Direct Line secret must not be used from a browser; use a token."))
                : (DirectLineCaller.Secret, null);
        }

        var check = await tokens.ValidateConversationTokenAsync(credential);
        switch (check.Status)
        {
            case TokenStatus.Expired:
                return (null, ApiProblem.Create(StatusCodes.Status401Unauthorized, "TokenExpired", "The token has expired."));
            case TokenStatus.Invalid:
                return (null, ApiProblem.Unauthorized("The token or secret is not valid."));
        }

        if (rateLimiter.TryAcquire(check.Caller!) is { } retryAfter)
        {
            // Seconds, as HTTP says. DirectLineJS reads the number as milliseconds, so it waits far less than asked.
            var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
            request.HttpContext.Response.Headers.RetryAfter = Math.Max(1, seconds).ToString(CultureInfo.InvariantCulture);
            return (null, ApiProblem.Create(StatusCodes.Status429TooManyRequests, "Throttled",
                $"Too many requests for this conversation; retry after {Math.Max(1, seconds)} s."));
        }
        return (check.Caller, null);
    }

    private bool IsSecret(string credential)
    {
        var expected = Encoding.UTF8.GetBytes(options.Value.Secret);
        var actual = Encoding.UTF8.GetBytes(credential);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
