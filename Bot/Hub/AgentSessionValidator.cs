using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Bot.Hub;

/// <summary>
/// Checks a sign-in cookie against the <c>agents</c> table on each request: a disabled or deleted account is signed
/// out at once, and a changed role, name or groups take effect without signing in again.
/// </summary>
public static class AgentSessionValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var username = context.Principal?.Identity?.Name;
        var accounts = context.HttpContext.RequestServices.GetRequiredService<AgentAccountStore>();
        var account = username is null ? null : await accounts.FindAsync(username, context.HttpContext.RequestAborted);
        if (account is null || account.Disabled)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        var current = AgentIdentity.From(context.Principal!);
        if (current.Role != account.Role || current.DisplayName != account.DisplayName || !current.Groups.SequenceEqual(account.Groups, StringComparer.Ordinal))
        {
            context.ReplacePrincipal(AgentIdentity.Principal(account, CookieAuthenticationDefaults.AuthenticationScheme));
            context.ShouldRenew = true;
        }
    }
}
