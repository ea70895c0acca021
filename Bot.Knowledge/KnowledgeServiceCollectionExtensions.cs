using Bot.Core;
using Bot.Knowledge.Database;
using Bot.Knowledge.Embeddings;
using Bot.Knowledge.Feedback;
using Bot.Knowledge.Ingestion;
using Bot.Knowledge.Search;
using Bot.Knowledge.Storage;
using Bot.Knowledge.Transcripts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Pgvector.Npgsql;

namespace Bot.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// The PostgreSQL side of the bot: one <see cref="NpgsqlDataSource"/> with pgvector, migrations, bot state storage,
    /// transcripts, the knowledge base and feedback.
    /// </summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .PostConfigure(options =>
            {
                var url = configuration["DATABASE_URL"];
                if (string.IsNullOrWhiteSpace(options.ConnectionString) && !string.IsNullOrWhiteSpace(url))
                {
                    options.ConnectionString = url;
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<SearchOptions>()
            .Bind(configuration.GetSection(SearchOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddEmbeddings(configuration);

        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var search = provider.GetRequiredService<IOptions<SearchOptions>>().Value;
            var builder = new NpgsqlDataSourceBuilder(PostgresConnectionString.Normalize(options.ConnectionString));
            builder.ConnectionStringBuilder.Options = $"{SearchSessionSettings.For(search)} {builder.ConnectionStringBuilder.Options}".Trim();
            builder.UseVector();
            return builder.Build();
        });
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<IStorage, PostgresStorage>();
        services.AddSingleton<ITranscriptStore, PostgresTranscriptStore>();
        services.AddSingleton<VectorIndex>();
        services.AddSingleton<IKnowledgeSearch, HybridKnowledgeSearch>();
        services.AddSingleton<IKnowledgeReembedder, KnowledgeReembedder>();
        services.AddKnowledgeIngestion(configuration);
        services.AddSingleton<IFeedbackStore, PostgresFeedbackStore>();
        return services;
    }
}
