using System.Security.Claims;
using Bot.Auth;

namespace Bot.Hub;

/// <summary>Who is calling the hub or its APIs: an agent or admin signed in with a cookie, or the API key (an admin named "api").</summary>
public sealed record AgentIdentity(string Username, string DisplayName, string Role, IReadOnlyList<string> Groups)
{
    public const string DisplayNameClaim = "display_name";
    public const string GroupClaim = "group";
    public const string ApiKeyUsername = "api";

    public bool IsAdmin => Role == Roles.Admin;

    public static AgentIdentity From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var isApiKey = user.Identity?.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName;
        var name = isApiKey ? ApiKeyUsername : user.Identity?.Name ?? throw new InvalidOperationException("The caller is not signed in.");
        return new AgentIdentity(
            name,
            user.FindFirstValue(DisplayNameClaim) ?? (isApiKey ? "API" : name),
            user.IsInRole(Roles.Admin) ? Roles.Admin : Roles.Agent,
            user.FindAll(GroupClaim).Select(c => c.Value).ToList());
    }

    public static ClaimsPrincipal Principal(AgentAccount account, string scheme)
    {
        ArgumentNullException.ThrowIfNull(account);
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, account.Username),
            new(DisplayNameClaim, account.DisplayName),
            new(ClaimTypes.Role, account.Role),
        };
        claims.AddRange(account.Groups.Select(g => new Claim(GroupClaim, g)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>Whether this person may see (and take) a handoff of <paramref name="group"/> meant for <paramref name="requestedAgent"/>.</summary>
    public bool MaySee(string? group, string? requestedAgent, string? assignedTo) =>
        IsAdmin || assignedTo == Username || requestedAgent == Username
        || (requestedAgent is null && group is not null && Groups.Contains(group, StringComparer.Ordinal));
}
