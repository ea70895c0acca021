using Bot.Dialogs.Escalation;
using Bot.Knowledge.Feedback;
using Bot.Knowledge.Handoffs;
using Bot.Knowledge.Routing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Dialogs.Routing;

public static class RouterServiceCollectionExtensions
{
    /// <summary>
    /// The Router and Escalation side: the example store and its seeder (section <c>Router</c>), the learned router
    /// (through the LLM when one is registered and <see cref="RouterOptions.UseLlm"/>), the escalation policy (section
    /// <c>Escalation</c>), the handoff queue, and a start-up service that seeds and trains the router.
    /// </summary>
    public static IServiceCollection AddRouterAndEscalation(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddRouterExamples(configuration);
        services.AddHandoffs();
        services.AddOptions<EscalationOptions>()
            .Bind(configuration.GetSection(EscalationOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton<ExampleRouterModel>();
        services.AddSingleton<IRouterModel>(provider =>
        {
            var local = provider.GetRequiredService<ExampleRouterModel>();
            var chat = provider.GetService<IChatClient>();
            var options = provider.GetRequiredService<IOptions<RouterOptions>>();
            return chat is not null && options.Value.UseLlm
                ? new LlmRouterModel(local, chat, options, provider.GetRequiredService<ILogger<LlmRouterModel>>())
                : local;
        });
        services.AddSingleton<SignalStateAccessor>();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<EscalationOptions>>();
            var chat = provider.GetService<IChatClient>();
            var judge = chat is not null && options.Value.UseLlm
                ? new LlmEscalationJudge(chat, options, provider.GetRequiredService<ILogger<LlmEscalationJudge>>())
                : null;
            return new EscalationPolicy(provider.GetRequiredService<IFeedbackStore>(), options, judge);
        });
        services.AddSingleton<HandoffService>();
        services.AddHostedService<RouterStartup>();
        return services;
    }
}
