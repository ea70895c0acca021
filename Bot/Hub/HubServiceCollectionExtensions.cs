using Bot.Dialogs.Handoffs;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Hub;

public static class HubServiceCollectionExtensions
{
    /// <summary>The agent hub: accounts, the handoff desk, SignalR, the bot's relay to it and the queue time-out.</summary>
    public static IHostApplicationBuilder AddAgentHub(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HubOptions>().BindConfiguration(HubOptions.SectionName);
        builder.Services.AddSingleton<AgentAccountStore>();
        builder.Services.AddSingleton<AgentPasswords>();
        builder.Services.AddHostedService<AdminAccountSeeder>();
        builder.Services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme,
            options => options.Events.OnValidatePrincipal = AgentSessionValidator.ValidateAsync);
        builder.Services.AddSingleton<TranscriptItems>();
        builder.Services.AddSingleton<HandoffViews>();
        builder.Services.AddSingleton<ConversationMessenger>();
        builder.Services.AddSingleton<HandoffNotifier>();
        builder.Services.AddSingleton<HandoffDesk>();
        builder.Services.Replace(ServiceDescriptor.Singleton<IAgentRelay, SignalRAgentRelay>());
        builder.Services.AddSingleton<HandoffTimeoutService>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<HandoffTimeoutService>());
        builder.Services.AddSignalR();
        return builder;
    }

    /// <summary>Sign-in, the agents admin API, the handoff REST API and the SignalR hub.</summary>
    public static IEndpointRouteBuilder MapAgentHub(this IEndpointRouteBuilder app)
    {
        app.MapHubAuth();
        app.MapAgentsApi();
        app.MapHandoffApi();
        app.MapHub<AgentsHub>(AgentsHub.Path);
        return app;
    }
}
