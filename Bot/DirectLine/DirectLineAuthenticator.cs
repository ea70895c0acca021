using System.Security.Cryptography;
using System.Text;
using Bot.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Bot.DirectLine;

/// <summary>Works out who is calling from the <c>Authorization: Bearer</c> header: the secret, or a conversation token.</summary>
public sealed class DirectLineAuthenticator(DirectLineTokens tokens, IOptions<DirectLineOptions> options)
{
    public async Task<(DirectLineCaller? Caller, ProblemHttpResult? Problem)> AuthenticateAsync(HttpRequest request)
    {
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
        return check.Status switch
        {
            TokenStatus.Valid => (check.Caller, null),
            TokenStatus.Expired => (null, ApiProblem.Create(StatusCodes.Status401Unauthorized, "TokenExpired", "The token has expired.")),
            _ => (null, ApiProblem.Unauthorized("The token or secret is not valid.")),
        };
    }

    private bool IsSecret(string credential)
    {
        var expected = Encoding.UTF8.GetBytes(options.Value.Secret);
        var actual = Encoding.UTF8.GetBytes(credential);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
