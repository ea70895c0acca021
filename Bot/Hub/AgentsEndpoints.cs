using System.Text.RegularExpressions;
using Bot.Auth;
using Bot.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Hub;

/// <summary>Admins manage the hub's people: <c>GET /api/agents</c>, <c>POST /api/agents</c>.</summary>
public static partial class AgentsEndpoints
{
    private const int MaxBodyBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapAgentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/agents").WithTags("Agents").RequireAuthorization(Policies.Admin);
        group.MapGet("/", ListAsync).WithName("ListAgents").WithSummary("The hub's agents and admins.");
        group.MapPost("/", CreateAsync).WithName("AddAgent").WithSummary("Adds an agent or admin (409 when the username exists).");
        return app;
    }

    private static async Task<Ok<AgentList>> ListAsync(AgentAccountStore accounts, CancellationToken cancellationToken) =>
        TypedResults.Ok(new AgentList((await accounts.ListAsync(cancellationToken)).Select(AgentItem.From).ToList()));

    private static async Task<Results<Created<AgentItem>, ProblemHttpResult>> CreateAsync(
        HttpRequest request, AgentAccountStore accounts, AgentPasswords passwords, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<NewAgent>(request, MaxBodyBytes, allowEmpty: false, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var username = (body!.Username ?? "").Trim().ToLowerInvariant();
        if (!Name().IsMatch(username))
        {
            return ApiProblem.BadArgument("username must be 1 to 64 lower-case letters, digits, '.', '_' or '-'.");
        }
        var displayName = string.IsNullOrWhiteSpace(body.DisplayName) ? username : body.DisplayName.Trim();
        if (displayName.Length > 200)
        {
            return ApiProblem.BadArgument("displayName is longer than 200 characters.");
        }
        if (body.Password is not { Length: >= AgentPasswords.MinLength and <= 1024 })
        {
            return ApiProblem.BadArgument($"password must be at least {AgentPasswords.MinLength} characters.");
        }
        var role = string.IsNullOrWhiteSpace(body.Role) ? Roles.Agent : body.Role.Trim().ToLowerInvariant();
        if (role is not (Roles.Agent or Roles.Admin))
        {
            return ApiProblem.BadArgument("role must be 'agent' or 'admin'.");
        }
        var groups = (body.Groups ?? []).Select(g => (g ?? "").Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (groups.Count > 50 || groups.Any(g => !GroupName().IsMatch(g)))
        {
            return ApiProblem.BadArgument("groups must be group names: 1 to 64 lower-case letters, digits, '_' or '-'.");
        }
        var account = new AgentAccount(0, username, displayName, passwords.Hash(body.Password), role, groups, false);
        if (!await accounts.CreateAsync(account, cancellationToken))
        {
            return ApiProblem.Create(StatusCodes.Status409Conflict, "Conflict", $"There is already an agent '{username}'.");
        }
        return TypedResults.Created($"/api/agents/{username}", AgentItem.From(account));
    }

    [GeneratedRegex("^[a-z0-9._-]{1,64}$")]
    private static partial Regex Name();

    [GeneratedRegex("^[a-z0-9_-]{1,64}$")]
    private static partial Regex GroupName();

    public sealed record NewAgent(string? Username, string? DisplayName, string? Password, string? Role, IReadOnlyList<string?>? Groups);

    public sealed record AgentList(IReadOnlyList<AgentItem> Items);

    public sealed record AgentItem(string Username, string DisplayName, string Role, IReadOnlyList<string> Groups, bool Disabled)
    {
        public static AgentItem From(AgentAccount account)
        {
            ArgumentNullException.ThrowIfNull(account);
            return new AgentItem(account.Username, account.DisplayName, account.Role, account.Groups, account.Disabled);
        }
    }
}
