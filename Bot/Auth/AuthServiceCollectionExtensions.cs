using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Bot.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>API-key authentication for scripts and the admin/agent policies. Development makes and logs a key when none is set.</summary>
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

        // No default scheme: only the admin and agent APIs authenticate, so Direct Line's own bearer tokens are left alone.
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, policy => policy.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireRole(Roles.Admin))
            .AddPolicy(Policies.Agent, policy => policy.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireRole(Roles.Admin, Roles.Agent));
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
