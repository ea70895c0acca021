namespace Bot.Connector;

public static class ConnectorServiceCollectionExtensions
{
    /// <summary>The Bot Connector channel (<c>/api/messages</c>) with Bot Framework authentication both ways.</summary>
    public static IHostApplicationBuilder AddBotConnector(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BotFrameworkOptions>().Bind(builder.Configuration);
        builder.Services.AddHttpClient("openid-metadata");
        builder.Services.AddSingleton<IChannelAuthenticator, BotFrameworkChannelAuthenticator>();
        builder.Services.AddSingleton<IConnectorCredentials, AnonymousConnectorCredentials>();
        builder.Services.AddHttpClient(nameof(ConnectorClient));
        builder.Services.AddSingleton<ConnectorClient>();
        builder.Services.AddSingleton<ConnectorAdapter>();
        return builder;
    }
}
