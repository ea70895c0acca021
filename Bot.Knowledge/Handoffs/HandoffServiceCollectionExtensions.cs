using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Knowledge.Handoffs;

public static class HandoffServiceCollectionExtensions
{
    /// <summary>The handoff queue in PostgreSQL (<see cref="IHandoffStore"/>).</summary>
    public static IServiceCollection AddHandoffs(this IServiceCollection services)
    {
        services.TryAddSingleton<IHandoffStore, PostgresHandoffStore>();
        return services;
    }
}
