using Bot.Analytics;
using Bot.Api;
using Bot.Auth;
using Bot.Connector;
using Bot.DirectLine;
using Bot.Hub;
using Bot.Dialogs;
using Bot.Knowledge;
using Bot.Knowledge.Analytics;
using Bot.Observability;
using Bot.Teams;

namespace Bot.Hosting;

public static class HostingExtensions
{
    /// <summary>Everything the host needs: problem details, the database side, the bot, its channels and authentication.</summary>
    public static WebApplicationBuilder AddSupportBot(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        // A query value that does not bind (?k=abc) throws in every environment, so BadRequestExceptionHandler answers it
        // with a problem naming the parameter (otherwise: a bare 400 in Production and a 500 in Development).
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<Http.BadRequestExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase;
            options.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
        });
        builder.Services.AddKnowledge(builder.Configuration);
        builder.Services.AddHostedService<DatabaseStartup>();
        builder.Services.AddSupportDialogs(builder.Configuration);
        builder.Services.AddChatTokenRateLimit();
        builder.AddDirectLine();
        builder.AddBotConnector();
        builder.AddTeams();
        builder.AddSupportAuthentication();
        builder.AddAgentHub();
        builder.AddSupportObservability();
        builder.Services.AddAnalytics();
        return builder;
    }

    /// <summary>The request pipeline and every endpoint.</summary>
    public static WebApplication UseSupportBot(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSupportObservability();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.UseWebPages();
        app.UseCors();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealth();
        app.MapDirectLine();
        app.MapBotConnector();
        app.MapChatToken();
        app.MapKnowledgeApi();
        app.MapFeedbackApi();
        app.MapUserDataApi();
        app.MapRouterApi();
        app.MapAgentHub();
        app.MapAnalyticsApi();
        return app;
    }
}
