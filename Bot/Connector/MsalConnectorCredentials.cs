using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace Bot.Connector;

/// <summary>
/// The bot's bearer token for the Bot Connector: an app-only token from Azure AD by client credentials
/// (<c>MicrosoftAppId</c> + <c>MicrosoftAppPassword</c>) for <c>https://api.botframework.com/.default</c>, from the
/// <c>botframework.com</c> tenant, or the bot's own tenant when <c>MicrosoftAppType</c> is <c>SingleTenant</c>.
/// MSAL caches the token and gets a new one before it expires.
/// </summary>
public sealed class MsalConnectorCredentials : IConnectorCredentials
{
    private readonly IConfidentialClientApplication _application;
    private readonly string[] _scopes;

    public MsalConnectorCredentials(IOptions<BotFrameworkOptions> options, IMsalHttpClientFactory httpClientFactory)
    {
        var o = options.Value;
        _application = ConfidentialClientApplicationBuilder.Create(o.MicrosoftAppId)
            .WithClientSecret(o.MicrosoftAppPassword)
            .WithAuthority(o.LoginAuthority)
            .WithHttpClientFactory(httpClientFactory)
            .Build();
        _scopes = [o.OAuthScope];
    }

    /// <inheritdoc/>
    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var result = await _application.AcquireTokenForClient(_scopes).ExecuteAsync(cancellationToken);
        return result.AccessToken;
    }
}
