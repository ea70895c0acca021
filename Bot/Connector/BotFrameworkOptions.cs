namespace Bot.Connector;

/// <summary>
/// The bot's Azure Bot Service identity, under the configuration names Bot Framework bots already use
/// (<c>MicrosoftAppType</c>, <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, <c>MicrosoftAppTenantId</c>, at the root).
/// With no app id, <c>/api/messages</c> is open, as the Bot Framework Emulator expects for local work.
/// </summary>
public sealed class BotFrameworkOptions
{
    public string? MicrosoftAppType { get; set; } = "MultiTenant";

    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>Where channel tokens' signing keys are published (with their channel endorsements).</summary>
    public string ChannelOpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Where Emulator (Azure AD) tokens' signing keys are published.</summary>
    public string EmulatorOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>Issuer of channel tokens.</summary>
    public string ChannelTokenIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>
    /// Authority of the bot's own tokens for its calls to channels (client credentials, the Bot Framework SDK's name).
    /// Empty: <c>https://login.microsoftonline.com/botframework.com</c>, or the app's tenant for <c>SingleTenant</c>.
    /// </summary>
    public string? ToChannelFromBotLoginUrl { get; set; }

    /// <summary>Resource the bot's outbound tokens are for; the scope asked for is this plus <c>/.default</c>.</summary>
    public string ToChannelFromBotOAuthScope { get; set; } = "https://api.botframework.com";

    public bool IsAnonymous => string.IsNullOrWhiteSpace(MicrosoftAppId);

    public bool IsSingleTenant => string.Equals(MicrosoftAppType, "SingleTenant", StringComparison.OrdinalIgnoreCase);

    /// <summary>The authority MSAL asks for outbound tokens.</summary>
    public string LoginAuthority => !string.IsNullOrWhiteSpace(ToChannelFromBotLoginUrl)
        ? ToChannelFromBotLoginUrl.TrimEnd('/')
        : IsSingleTenant
            ? $"https://login.microsoftonline.com/{MicrosoftAppTenantId}"
            : "https://login.microsoftonline.com/botframework.com";

    /// <summary>The client-credentials scope for outbound tokens.</summary>
    public string OAuthScope => ToChannelFromBotOAuthScope.TrimEnd('/') + "/.default";
}
