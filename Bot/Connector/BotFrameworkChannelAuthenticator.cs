using System.Text.Json;
using Bot.Core.Schema;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Bot.Connector;

/// <summary>
/// Validates inbound Bot Framework tokens as Azure Bot Service does: channel tokens (issuer api.botframework.com,
/// audience = app id, key endorsed for the activity's channel, <c>serviceurl</c> claim = the activity's serviceUrl)
/// and Emulator tokens (Azure AD issuers, app id in <c>appid</c>/<c>azp</c>). Signing keys come from OpenID metadata,
/// cached and refreshed daily or when an unknown key id shows up. With no app id configured, only unauthenticated
/// requests are let in (the Emulator's local mode).
/// </summary>
public sealed class BotFrameworkChannelAuthenticator : IChannelAuthenticator
{
    private static readonly string[] EmulatorIssuers =
    [
        "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
        "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0",
        "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
        "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
    ];

    private readonly BotFrameworkOptions _options;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _channelMetadata;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _emulatorMetadata;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly ILogger<BotFrameworkChannelAuthenticator> _logger;

    public BotFrameworkChannelAuthenticator(
        IOptions<BotFrameworkOptions> options, IHttpClientFactory httpClientFactory, ILogger<BotFrameworkChannelAuthenticator> logger)
    {
        _options = options.Value;
        _logger = logger;
        _channelMetadata = Metadata(_options.ChannelOpenIdMetadataUrl, httpClientFactory);
        _emulatorMetadata = Metadata(_options.EmulatorOpenIdMetadataUrl, httpClientFactory);
    }

    /// <inheritdoc/>
    public async Task<string?> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var hasHeader = !string.IsNullOrWhiteSpace(authorizationHeader);
        if (_options.IsAnonymous)
        {
            return hasHeader ? "This bot has no MicrosoftAppId configured, so it cannot accept tokens." : null;
        }
        if (!hasHeader || !authorizationHeader!.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return "A Bot Framework bearer token is required.";
        }

        var raw = authorizationHeader[7..].Trim();
        JsonWebToken token;
        try
        {
            token = new JsonWebToken(raw);
        }
        catch (ArgumentException)
        {
            return "The token is not a JWT.";
        }

        return token.Issuer == _options.ChannelTokenIssuer
            ? await ValidateChannelTokenAsync(raw, activity, cancellationToken)
            : IsEmulatorIssuer(token.Issuer)
                ? await ValidateEmulatorTokenAsync(raw, cancellationToken)
                : "The token's issuer is not trusted.";
    }

    private async Task<string?> ValidateChannelTokenAsync(string raw, Activity activity, CancellationToken cancellationToken)
    {
        var (result, config) = await ValidateAsync(raw, _channelMetadata, [_options.ChannelTokenIssuer], cancellationToken);
        if (!result.IsValid)
        {
            return Describe(result.Exception);
        }
        if (!string.IsNullOrEmpty(activity.ChannelId) && !IsEndorsed(config!, ((JsonWebToken)result.SecurityToken).Kid, activity.ChannelId))
        {
            return $"The token's signing key is not endorsed for channel '{activity.ChannelId}'.";
        }
        var serviceUrl = result.Claims.TryGetValue("serviceurl", out var claim) ? claim?.ToString() : null;
        if (!string.Equals(serviceUrl?.TrimEnd('/'), activity.ServiceUrl?.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            return "The token's serviceurl claim does not match the activity's serviceUrl.";
        }
        return null;
    }

    private async Task<string?> ValidateEmulatorTokenAsync(string raw, CancellationToken cancellationToken)
    {
        var issuers = EmulatorIssuers.ToList();
        if (!string.IsNullOrEmpty(_options.MicrosoftAppTenantId))
        {
            issuers.Add($"https://sts.windows.net/{_options.MicrosoftAppTenantId}/");
            issuers.Add($"https://login.microsoftonline.com/{_options.MicrosoftAppTenantId}/v2.0");
        }
        var (result, _) = await ValidateAsync(raw, _emulatorMetadata, issuers, cancellationToken);
        if (!result.IsValid)
        {
            return Describe(result.Exception);
        }
        var version = result.Claims.TryGetValue("ver", out var ver) ? ver?.ToString() : null;
        var appIdClaim = version == "2.0" ? "azp" : "appid";
        var appId = result.Claims.TryGetValue(appIdClaim, out var id) ? id?.ToString() : null;
        return appId == _options.MicrosoftAppId ? null : "The token was issued to another app.";
    }

    private async Task<(TokenValidationResult Result, OpenIdConnectConfiguration? Config)> ValidateAsync(
        string raw, ConfigurationManager<OpenIdConnectConfiguration> metadata, IEnumerable<string> issuers, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var config = await metadata.GetConfigurationAsync(cancellationToken);
            var result = await _handler.ValidateTokenAsync(raw, new TokenValidationParameters
            {
                ValidIssuers = issuers,
                ValidAudience = _options.MicrosoftAppId,
                IssuerSigningKeys = config.SigningKeys,
                ClockSkew = TimeSpan.FromMinutes(5),
                RequireSignedTokens = true,
                ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512],
            });
            if (result.IsValid || attempt > 0 || result.Exception is not SecurityTokenSignatureKeyNotFoundException)
            {
                return (result, config);
            }
            metadata.RequestRefresh();
        }
    }

    /// <summary>A short reason for the caller; the validator's full message (key ids, times) only goes to the log.</summary>
    private string Describe(Exception? exception)
    {
        _logger.LogInformation("Rejected a Bot Framework token: {Reason}", exception?.Message);
        return exception switch
        {
            SecurityTokenExpiredException => "The token has expired.",
            SecurityTokenNotYetValidException => "The token is not valid yet.",
            SecurityTokenInvalidAudienceException => "The token was issued for another bot.",
            SecurityTokenInvalidIssuerException => "The token's issuer is not trusted.",
            SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The token's signature is not valid.",
            _ => "The token is not valid.",
        };
    }

    private static bool IsEndorsed(OpenIdConnectConfiguration config, string kid, string channelId)
    {
        var key = config.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == kid);
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var endorsements))
        {
            return false;
        }
        return endorsements switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Any(e => e.GetString() == channelId),
            IEnumerable<object> list => list.Any(e => e?.ToString() == channelId),
            _ => false,
        };
    }

    private bool IsEmulatorIssuer(string issuer) =>
        EmulatorIssuers.Contains(issuer, StringComparer.Ordinal)
        || (!string.IsNullOrEmpty(_options.MicrosoftAppTenantId) && issuer.Contains(_options.MicrosoftAppTenantId, StringComparison.OrdinalIgnoreCase));

    private static ConfigurationManager<OpenIdConnectConfiguration> Metadata(string url, IHttpClientFactory httpClientFactory) =>
        new(url, new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(httpClientFactory.CreateClient("openid-metadata")) { RequireHttps = url.StartsWith("https:", StringComparison.OrdinalIgnoreCase) })
        {
            AutomaticRefreshInterval = TimeSpan.FromHours(24),
        };
}
