using Bot.Dialogs.Memory;
using Bot.Dialogs.Observability;
using Bot.Dialogs.Responses.Llm;
using Bot.Knowledge.Learning;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.Dialogs.Responses;

public static class ResponseServiceCollectionExtensions
{
    /// <summary>
    /// The Response side: answer composition (extractive; generated when section <c>Llm</c> names a provider, which
    /// also registers <see cref="IChatClient"/>, and only then), card and text presentation, memory across sessions,
    /// turn records, and learning from people (<see cref="LearningServiceCollectionExtensions.AddLearning"/>).
    /// </summary>
    public static IServiceCollection AddResponses(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddLearning(configuration);

        var llmSection = configuration.GetSection(LlmOptions.SectionName);
        services.AddOptions<LlmOptions>().Bind(llmSection).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ExtractiveAnswerComposer>();
        if (llmSection.Get<LlmOptions>() is { IsConfigured: true })
        {
            services.AddSingleton<IChatClient>(provider => new MeteredChatClient(
                ChatClientFactory.Create(provider.GetRequiredService<IOptions<LlmOptions>>().Value), provider.GetRequiredService<SupportBotMetrics>()));
            services.AddSingleton<IAnswerComposer, LlmAnswerComposer>();
        }
        else
        {
            services.AddSingleton<IAnswerComposer>(provider => provider.GetRequiredService<ExtractiveAnswerComposer>());
        }

        services.AddSingleton<AnswerPresenter>();
        services.AddSingleton<SessionMemory>();
        services.AddSingleton<TurnRecorder>();
        return services;
    }
}
