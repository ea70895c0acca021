using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Knowledge.Ingestion;

public static class IngestionServiceCollectionExtensions
{
    /// <summary>
    /// The ingestion services: <see cref="KnowledgeStore"/>, <see cref="KnowledgeIngestor"/> (with its named HttpClient
    /// for URLs and sitemaps) and <see cref="KnowledgeSeeder"/>. Options come from the <c>Knowledge</c> section.
    /// </summary>
    public static IServiceCollection AddKnowledgeIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KnowledgeOptions>()
            .Bind(configuration.GetSection(KnowledgeOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHttpClient(KnowledgeIngestor.HttpClientName, client => client.DefaultRequestHeaders.UserAgent.ParseAdd("CustomerSupportBot-KnowledgeIngestion/1.0"));
        services.AddSingleton<KnowledgeStore>();
        services.AddSingleton<KnowledgeIngestor>();
        services.AddSingleton<KnowledgeSeeder>();
        return services;
    }
}
