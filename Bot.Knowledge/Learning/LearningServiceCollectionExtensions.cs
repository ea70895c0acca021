using Bot.Knowledge.Privacy;
using Bot.Knowledge.Turns;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Knowledge.Learning;

public static class LearningServiceCollectionExtensions
{
    /// <summary>
    /// Learning from people (learned answers, corrections, demotion by negative feedback; section <c>Learning</c>),
    /// turn records, and privacy erasure. Needs <see cref="KnowledgeServiceCollectionExtensions.AddKnowledge"/>.
    /// </summary>
    public static IServiceCollection AddLearning(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<LearningOptions>()
            .Bind(configuration.GetSection(LearningOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ILearnedAnswerStore, PostgresLearnedAnswerStore>();
        services.AddSingleton<IChunkDemotionStore, PostgresChunkDemotionStore>();
        services.AddSingleton<CorrectionService>();
        services.AddSingleton<ITurnStore, PostgresTurnStore>();
        services.AddSingleton<IUserDataEraser, PostgresUserDataEraser>();
        return services;
    }
}
