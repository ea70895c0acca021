using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Bot.DirectLine;

/// <summary>
/// Issues and checks Direct Line tokens: signed JWTs bound to one conversation and one <c>dl_</c> user, with the
/// claims the real service uses (<c>conv</c>, <c>user</c>, <c>bot</c>). Stream tokens are separate and short-lived.
/// </summary>
public sealed class DirectLineTokens
{
    public const string Issuer = "urn:customer-support-bot:directline";
    private const string StreamScope = "stream";
    private const string ConversationScope = "conversation";

    private readonly DirectLineOptions _options;
    private readonly SigningCredentials _credentials;
    private readonly TokenValidationParameters _validation;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly TimeProvider _time;

    public DirectLineTokens(IOptions<DirectLineOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        var keyMaterial = string.IsNullOrEmpty(_options.TokenSigningKey)
            ? HMACSHA256.HashData(Encoding.UTF8.GetBytes(_options.Secret), Encoding.UTF8.GetBytes("directline-token-signing"))
            : Encoding.UTF8.GetBytes(_options.TokenSigningKey);
        var key = new SymmetricSecurityKey(keyMaterial);
        _credentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256);
        _validation = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Issuer,
            IssuerSigningKey = key,
            ClockSkew = TimeSpan.FromSeconds(30),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            LifetimeValidator = (notBefore, expires, _, _) =>
            {
                var now = _time.GetUtcNow().UtcDateTime;
                return (notBefore is null || notBefore <= now.AddSeconds(30)) && expires > now;
            },
        };
    }

    public int LifetimeSeconds => (int)_options.TokenLifetime.TotalSeconds;

    public string CreateConversationToken(string conversationId, string userId, string? userName) =>
        Create(conversationId, userId, userName, ConversationScope, _options.TokenLifetime);

    public string CreateStreamToken(string conversationId, string? userId) =>
        Create(conversationId, userId, null, StreamScope, _options.StreamTokenLifetime);

    /// <summary>The caller of a conversation token; null when the token is forged, expired or of another kind.</summary>
    public Task<TokenCheck> ValidateConversationTokenAsync(string token) => ValidateAsync(token, ConversationScope);

    public Task<TokenCheck> ValidateStreamTokenAsync(string token) => ValidateAsync(token, StreamScope);

    private string Create(string conversationId, string? userId, string? userName, string scope, TimeSpan lifetime)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            ["conv"] = conversationId,
            ["bot"] = _options.BotId,
            ["scope"] = scope,
            ["jti"] = Guid.NewGuid().ToString("N"),
        };
        if (userId is not null)
        {
            claims["user"] = userId;
        }
        if (userName is not null)
        {
            claims["name"] = userName;
        }
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            NotBefore = now,
            IssuedAt = now,
            Expires = now + lifetime,
            Claims = claims,
            SigningCredentials = _credentials,
        });
    }

    private async Task<TokenCheck> ValidateAsync(string token, string scope)
    {
        var result = await _handler.ValidateTokenAsync(token, _validation);
        if (!result.IsValid)
        {
            return result.Exception is SecurityTokenExpiredException or SecurityTokenInvalidLifetimeException
                ? TokenCheck.Expired
                : TokenCheck.Invalid;
        }
        var claims = result.ClaimsIdentity;
        if (Claim(claims, "scope") != scope || Claim(claims, "conv") is not { } conversationId)
        {
            return TokenCheck.Invalid;
        }
        return new TokenCheck(TokenStatus.Valid, new DirectLineCaller(false, conversationId, Claim(claims, "user"), Claim(claims, "name")));
    }

    private static string? Claim(ClaimsIdentity identity, string type) => identity.FindFirst(type)?.Value;
}
