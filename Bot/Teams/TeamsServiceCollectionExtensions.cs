namespace Bot.Teams;

public static class TeamsServiceCollectionExtensions
{
    /// <summary>Teams specifics on top of the Bot Connector: the agents' channel for proactive cards.</summary>
    public static IHostApplicationBuilder AddTeams(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.SectionName);
        builder.Services.AddSingleton<TeamsAgentChannel>();
        return builder;
    }
}
