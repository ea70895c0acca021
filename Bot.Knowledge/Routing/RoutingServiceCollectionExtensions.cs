using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Knowledge.Routing;

public static class RoutingServiceCollectionExtensions
{
    /// <summary>The router's example store (PostgreSQL), its seeder, and the <c>Router</c> options.</summary>
    public static IServiceCollection AddRouterExamples(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RouterOptions>()
            .Bind(configuration.GetSection(RouterOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<IRouterExampleStore, PostgresRouterExampleStore>();
        services.TryAddSingleton<RouterExampleSeeder>();
        services.TryAddSingleton<IKnowledgeVocabulary, PostgresKnowledgeVocabulary>();
        return services;
    }
}
