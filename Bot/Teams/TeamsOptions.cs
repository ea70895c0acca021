namespace Bot.Teams;

/// <summary>Where the bot posts cards for the human agents: a channel of a team the app is installed in.</summary>
public sealed class TeamsOptions
{
    public const string SectionName = "Teams";

    /// <summary>The agents' channel (<c>19:…@thread.tacv2</c>, from the channel's link or an inbound activity's <c>channelData.channel.id</c>).</summary>
    public string? AgentChannelId { get; set; }

    /// <summary>The Azure AD tenant of the team.</summary>
    public string? TenantId { get; set; }

    /// <summary>
    /// The Teams service URL to post to. Empty: the one most recently seen on an inbound Teams activity of the tenant,
    /// else <see cref="DefaultServiceUrl"/>.
    /// </summary>
    public string? ServiceUrl { get; set; }

    /// <summary>What the Teams documentation suggests when no activity has told the bot its service URL yet.</summary>
    public const string DefaultServiceUrl = "https://smba.trafficmanager.net/teams/";
}
