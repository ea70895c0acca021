using System.Security.Claims;
using Bot.Auth;
using Bot.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Hub;

/// <summary>Sign-in for the people of the hub: <c>/api/auth/login</c>, <c>/logout</c>, <c>/me</c>; a cookie, never a redirect.</summary>
public static class AuthEndpoints
{
    private const int MaxBodyBytes = 8 * 1024;
    private const string WrongCredentials = "The username or password is not right.";

    public static IEndpointRouteBuilder MapHubAuth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Sign-in");
        group.MapPost("/login", LoginAsync).WithName("Login").WithSummary("Signs a person in with a cookie (HttpOnly, SameSite=Strict).").AllowAnonymous();
        group.MapPost("/logout", (Delegate)LogoutAsync).WithName("Logout").WithSummary("Signs out.").AllowAnonymous();
        group.MapGet("/me", Me).WithName("Me").WithSummary("Who is signed in.").RequireAuthorization(Policies.Agent);
        return app;
    }

    private static async Task<Results<Ok<AgentProfile>, ProblemHttpResult>> LoginAsync(
        HttpContext context, AgentAccountStore accounts, AgentPasswords passwords, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<LoginRequest>(context.Request, MaxBodyBytes, allowEmpty: false, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var username = (body!.Username ?? "").Trim().ToLowerInvariant();
        if (username.Length == 0 || username.Length > 64 || string.IsNullOrEmpty(body.Password) || body.Password.Length > 1024)
        {
            return ApiProblem.Unauthorized(WrongCredentials);
        }
        var account = await accounts.FindAsync(username, cancellationToken);
        if (!passwords.Verify(account, body.Password))
        {
            return ApiProblem.Unauthorized(WrongCredentials);
        }
        var principal = AgentIdentity.Principal(account!, CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal, new AuthenticationProperties { IsPersistent = false });
        return TypedResults.Ok(AgentProfile.From(AgentIdentity.From(principal)));
    }

    private static async Task<NoContent> LogoutAsync(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    private static Ok<AgentProfile> Me(ClaimsPrincipal user) => TypedResults.Ok(AgentProfile.From(AgentIdentity.From(user)));

    public sealed record LoginRequest(string? Username, string? Password);
}

/// <summary>A person as the hub shows them (contract: the body of login and me).</summary>
public sealed record AgentProfile(string Username, string DisplayName, string Role, IReadOnlyList<string> Groups)
{
    public static AgentProfile From(AgentIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return new AgentProfile(identity.Username, identity.DisplayName, identity.Role, identity.Groups);
    }
}
