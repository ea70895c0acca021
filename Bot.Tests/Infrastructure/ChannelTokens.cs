using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Bot.Tests.Infrastructure;

/// <summary>
/// What the Bot Framework's login service does for channels, for tests: RSA signing keys published as a JWKS with
/// their channel endorsements, and channel tokens signed with them (or deliberately wrong in one way).
/// </summary>
public sealed class ChannelTokens : IDisposable
{
    public const string Issuer = "https://api.botframework.com";

    private readonly RSA _endorsedRsa = RSA.Create(2048);
    private readonly RSA _webChatOnlyRsa = RSA.Create(2048);
    private readonly RSA _unpublishedRsa = RSA.Create(2048);

    public ChannelTokens()
    {
        EndorsedKey = new RsaSecurityKey(_endorsedRsa) { KeyId = "channel-key-all" };
        WebChatOnlyKey = new RsaSecurityKey(_webChatOnlyRsa) { KeyId = "channel-key-webchat" };
        // Same key id as the published key, different key: a token signed with it has a bad signature.
        ImpostorKey = new RsaSecurityKey(_unpublishedRsa) { KeyId = EndorsedKey.KeyId };
    }

    /// <summary>Published, endorsed for the channels the tests use.</summary>
    public RsaSecurityKey EndorsedKey { get; }

    /// <summary>Published, endorsed for <c>webchat</c> only.</summary>
    public RsaSecurityKey WebChatOnlyKey { get; }

    /// <summary>Not published; carries the endorsed key's id.</summary>
    public RsaSecurityKey ImpostorKey { get; }

    /// <summary>The JWKS document: each key with its <c>endorsements</c>, as login.botframework.com publishes them.</summary>
    public object Jwks() => new
    {
        keys = new[]
        {
            Jwk(EndorsedKey, ["msteams", "directline", "webchat", "emulator", "test"]),
            Jwk(WebChatOnlyKey, ["webchat"]),
        },
    };

    /// <summary>A channel token as Azure Bot Service sends it; <paramref name="change"/> spoils it for negative tests.</summary>
    public string Create(string audience, string serviceUrl, RsaSecurityKey? key = null, Action<SecurityTokenDescriptor>? change = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            NotBefore = now.AddMinutes(-1),
            IssuedAt = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = new SigningCredentials(key ?? EndorsedKey, SecurityAlgorithms.RsaSha256),
        };
        change?.Invoke(descriptor);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public void Dispose()
    {
        _endorsedRsa.Dispose();
        _webChatOnlyRsa.Dispose();
        _unpublishedRsa.Dispose();
    }

    private static Dictionary<string, object> Jwk(RsaSecurityKey key, string[] endorsements)
    {
        var parameters = key.Rsa.ExportParameters(false);
        return new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = endorsements,
        };
    }
}
