using System.Security.Cryptography;
using Bot.Auth;
using Microsoft.Extensions.Options;

namespace Bot.Hub;

/// <summary>
/// Creates the first admin from <c>Hub:Admin</c> at start-up (or resets its password to the configured one). In
/// Development a password is generated and logged when none is set; elsewhere, without one, no admin is made.
/// </summary>
public sealed class AdminAccountSeeder(
    AgentAccountStore accounts, AgentPasswords passwords, IOptions<HubOptions> options, IHostEnvironment environment, ILogger<AdminAccountSeeder> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var admin = options.Value.Admin;
        var username = (admin.Username ?? "").Trim().ToLowerInvariant();
        var password = admin.Password;
        if (string.IsNullOrEmpty(password))
        {
            if (!environment.IsDevelopment())
            {
                logger.LogWarning("Hub:Admin:Password is not set: no hub admin is created (add people with POST /api/agents and the API key)");
                return;
            }
            password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
            logger.LogWarning("Development hub admin '{Username}', password (set Hub__Admin__Password to choose your own): {Password}", username, password);
        }
        if (password.Length < AgentPasswords.MinLength)
        {
            throw new InvalidOperationException($"Hub:Admin:Password must be at least {AgentPasswords.MinLength} characters.");
        }
        await accounts.UpsertAdminAsync(
            new AgentAccount(0, username, string.IsNullOrWhiteSpace(admin.DisplayName) ? username : admin.DisplayName, passwords.Hash(password), Roles.Admin, [], false),
            cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
