namespace Bot.Dialogs.Agents;

/// <summary>What the bot knows about a person across conversations.</summary>
public sealed class UserProfile
{
    public string? Name { get; set; }

    public DateTimeOffset? FirstSeen { get; set; }

    public DateTimeOffset? LastSeen { get; set; }

    public int Questions { get; set; }
}
