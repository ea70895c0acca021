using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Knowledge.Embeddings;

public static class EmbeddingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the embedder chosen by the <c>Embeddings</c> section (<see cref="EmbeddingOptions"/>) as
    /// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> (behind the query LRU cache) and its
    /// <see cref="EmbedderInfo"/>, both singletons built once. A hosted service builds it at start-up, so the choice
    /// (or the lexical-fallback warning, or a configuration error) shows when the host starts.
    /// </summary>
    public static IServiceCollection AddEmbeddings(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<EmbeddingOptions>()
            .Bind(configuration.GetSection(EmbeddingOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<EmbeddingOptions>>().Value;
            var contentRoot = provider.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
            var logger = provider.GetService<ILoggerFactory>()?.CreateLogger("Bot.Knowledge.Embeddings") ?? NullLogger.Instance;
            return EmbedderFactory.Create(options, contentRoot, logger);
        });
        services.AddSingleton(provider => provider.GetRequiredService<ActiveEmbedder>().Info);
        services.AddSingleton(provider => provider.GetRequiredService<ActiveEmbedder>().Generator);
        services.AddHostedService<EmbedderStartup>();
        return services;
    }

    private sealed class EmbedderStartup(IServiceProvider provider) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            provider.GetRequiredService<ActiveEmbedder>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
