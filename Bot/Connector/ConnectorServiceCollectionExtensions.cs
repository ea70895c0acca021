using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace Bot.Connector;

public static class ConnectorServiceCollectionExtensions
{
    /// <summary>The Bot Connector channel (<c>/api/messages</c>) with Bot Framework authentication both ways.</summary>
    public static IHostApplicationBuilder AddBotConnector(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BotFrameworkOptions>()
            .Bind(builder.Configuration)
            .Validate(o => !string.Equals(o.MicrosoftAppType, "UserAssignedMSI", StringComparison.OrdinalIgnoreCase),
                "MicrosoftAppType UserAssignedMSI (managed identity) is not supported yet; use MultiTenant or SingleTenant with MicrosoftAppPassword.")
            .Validate(o => !o.IsSingleTenant || o.IsAnonymous || !string.IsNullOrWhiteSpace(o.MicrosoftAppTenantId),
                "MicrosoftAppType SingleTenant needs MicrosoftAppTenantId.")
            .Validate(o => o.IsAnonymous || !string.IsNullOrWhiteSpace(o.MicrosoftAppPassword),
                "MicrosoftAppId is set but MicrosoftAppPassword is not: the bot could not authenticate its replies.")
            .ValidateOnStart();
        builder.Services.AddOptions<ConnectorClientOptions>()
            .BindConfiguration(ConnectorClientOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddHttpClient("openid-metadata");
        builder.Services.AddSingleton<IChannelAuthenticator, BotFrameworkChannelAuthenticator>();
        builder.Services.AddHttpClient(MsalHttpClientFactory.ClientName);
        builder.Services.AddSingleton<IMsalHttpClientFactory, MsalHttpClientFactory>();
        builder.Services.AddSingleton<IConnectorCredentials>(provider =>
            provider.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.IsAnonymous
                ? new AnonymousConnectorCredentials()
                : ActivatorUtilities.CreateInstance<MsalConnectorCredentials>(provider));
        builder.Services.AddHttpClient(nameof(ConnectorClient)).AddConnectorRetries();
        builder.Services.AddSingleton<ConnectorClient>();
        builder.Services.AddSingleton<IConversationReferenceStore, PostgresConversationReferenceStore>();
        builder.Services.AddSingleton<ConnectorAdapter>();
        return builder;
    }
}
