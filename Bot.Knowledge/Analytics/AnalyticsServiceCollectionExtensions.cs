using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Knowledge.Analytics;

public static class AnalyticsServiceCollectionExtensions
{
    /// <summary>The analytics queries (<see cref="AnalyticsStore"/>) and their options (section <c>Analytics</c>).</summary>
    public static IServiceCollection AddAnalytics(this IServiceCollection services)
    {
        services.AddOptions<AnalyticsOptions>().BindConfiguration(AnalyticsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AnalyticsStore>();
        return services;
    }
}
