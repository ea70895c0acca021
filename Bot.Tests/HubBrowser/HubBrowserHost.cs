using Bot.Tests.Infrastructure;

namespace Bot.Tests.HubBrowser;

/// <summary>The real host with a known hub admin password, for driving /hub in Chromium.</summary>
public sealed class HubBrowserHost : IAsyncLifetime
{
    public const string AdminUser = "admin";
    public const string AdminPassword = "test-hub-admin-password";

    public BotHost Host { get; } = new();

    public Task InitializeAsync()
    {
        Host.Settings["Hub:Admin:Username"] = AdminUser;
        Host.Settings["Hub:Admin:Password"] = AdminPassword;
        return Host.InitializeAsync();
    }

    public Task DisposeAsync() => Host.DisposeAsync();
}
