namespace Bot.Hub;

/// <summary>The agent hub (section <c>Hub</c>): how long a customer waits for a person, routing, and the first admin.</summary>
public sealed class HubOptions
{
    public const string SectionName = "Hub";

    /// <summary>How long a handoff may wait in the queue before the customer is told nobody is free.</summary>
    public TimeSpan MaxQueueWait { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the queue is checked for handoffs that waited too long.</summary>
    public TimeSpan TimeoutCheckInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Route → agent group; a route not listed is its own group.</summary>
    public Dictionary<string, string> Groups { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How long a sign-in lasts without activity.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    public HubAdminOptions Admin { get; set; } = new();

    public string GroupFor(string? route)
    {
        var name = string.IsNullOrWhiteSpace(route) ? "general" : route;
        return Groups.TryGetValue(name, out var group) && !string.IsNullOrWhiteSpace(group) ? group : name;
    }
}

/// <summary>The first admin, created (or its password reset) at start-up.</summary>
public sealed class HubAdminOptions
{
    public string Username { get; set; } = "admin";

    public string DisplayName { get; set; } = "Administrator";

    /// <summary>Required outside Development; Development generates and logs one when it is empty.</summary>
    public string Password { get; set; } = "";
}
