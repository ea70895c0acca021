using System.Security.Cryptography;
using Bot.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Bot.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>The scheme the admin and agent policies use: the API key when the request carries one, else the sign-in cookie.</summary>
    public const string AgentsScheme = "Agents";

    public const string CookieName = "supportbot.hub";

    /// <summary>
    /// Authentication for the admin and agent APIs: the API key for scripts and integrations, and the hub's sign-in
    /// cookie (HttpOnly, SameSite=Strict) for people. Neither redirects: a missing sign-in is 401, a wrong role 403,
    /// both problem details. Development makes and logs an API key when none is set.
    /// </summary>
    public static IHostApplicationBuilder AddSupportAuthentication(this IHostApplicationBuilder builder)
    {
        var options = builder.Services.AddOptions<AdminOptions>()
            .BindConfiguration(AdminOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (builder.Environment.IsDevelopment() && string.IsNullOrEmpty(builder.Configuration["Admin:ApiKey"]))
        {
            var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
            options.PostConfigure(o => o.ApiKey = string.IsNullOrEmpty(o.ApiKey) ? key : o.ApiKey);
            builder.Services.AddHostedService(provider => new DevelopmentKeyNotice(
                provider.GetRequiredService<IOptions<AdminOptions>>(), provider.GetRequiredService<ILogger<DevelopmentKeyNotice>>()));
        }

        var sessionLifetime = builder.Configuration.GetValue("Hub:SessionLifetime", TimeSpan.FromHours(8));
        // No default scheme: only the admin and agent APIs authenticate, so Direct Line's own bearer tokens are left alone.
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, cookie =>
            {
                cookie.Cookie.Name = CookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = sessionLifetime;
                cookie.SlidingExpiration = true;
                cookie.Events.OnRedirectToLogin = context =>
                    ApiProblem.Unauthorized("Sign in (POST /api/auth/login), or send Authorization: Bearer <Admin:ApiKey>.").ExecuteAsync(context.HttpContext);
                cookie.Events.OnRedirectToAccessDenied = context =>
                    ApiProblem.Forbidden("Forbidden", "Your role does not allow this.").ExecuteAsync(context.HttpContext);
            })
            .AddPolicyScheme(AgentsScheme, "API key or hub sign-in", policy =>
                policy.ForwardDefaultSelector = context => ApiKeyAuthenticationHandler.PresentedKey(context.Request) is not null
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, policy => policy.AddAuthenticationSchemes(AgentsScheme).RequireRole(Roles.Admin))
            .AddPolicy(Policies.Agent, policy => policy.AddAuthenticationSchemes(AgentsScheme).RequireRole(Roles.Admin, Roles.Agent));
        return builder;
    }

    private sealed class DevelopmentKeyNotice(IOptions<AdminOptions> options, ILogger<DevelopmentKeyNotice> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            logger.LogWarning("Development admin API key (set Admin__ApiKey to choose your own): {ApiKey}", options.Value.ApiKey);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
