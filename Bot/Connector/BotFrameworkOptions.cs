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

    /// <summary>Token endpoint for the bot's own outbound calls (client credentials).</summary>
    public string? TokenEndpoint { get; set; }

    public bool IsAnonymous => string.IsNullOrWhiteSpace(MicrosoftAppId);
}
