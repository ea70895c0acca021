using Bot.Core;
using Bot.Dialogs.Agents;
using Bot.Dialogs.Cards;
using Bot.Dialogs.Handoffs;
using Bot.Dialogs.Observability;
using Bot.Dialogs.Responses;
using Bot.Dialogs.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Dialogs;

public static class DialogsServiceCollectionExtensions
{
    /// <summary>The bot, its root dialog and the five agents, with conversation and user state over the registered <see cref="IStorage"/>.</summary>
    public static IServiceCollection AddSupportDialogs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotOptions>().Bind(configuration.GetSection(BotOptions.SectionName));
        services.AddSingleton(provider => new ConversationState(provider.GetRequiredService<IStorage>()));
        services.AddSingleton(provider => new UserState(provider.GetRequiredService<IStorage>()));
        services.AddSingleton<SupportStateAccessors>();
        services.AddSingleton<CardLibrary>();
        services.AddSingleton<ReplyFactory>();
        services.AddSingleton<SupportBotMetrics>();
        services.AddRouterAndEscalation(configuration);
        services.AddResponses(configuration);
        services.AddSingleton<RouterDialog>();
        services.AddSingleton<SearchDialog>();
        services.AddSingleton<EscalationDialog>();
        services.AddSingleton<ResponseDialog>();
        services.AddSingleton<FeedbackDialog>();
        services.AddSingleton<RootDialog>();
        services.TryAddSingleton<IAgentRelay, NoAgentRelay>();
        services.AddSingleton<HumanMode>();
        services.AddSingleton<IBot, CustomerSupportBot>();
        return services;
    }
}
