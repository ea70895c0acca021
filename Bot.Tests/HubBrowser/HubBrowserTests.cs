using Bot.Tests.Infrastructure;

namespace Bot.Tests.HubBrowser;

/// <summary>
/// The agent hub and Web Chat in two headless Chromium contexts: a customer asks for a person, an agent
/// signs in, takes over, sees the customer's HTML as text, teaches the bot, replies and resolves.
/// </summary>
public sealed class HubBrowserTests(HubBrowserHost fixture) : IClassFixture<HubBrowserHost>
{
    private readonly BotHost _host = fixture.Host;

    [Fact]
    public async Task An_agent_takes_over_a_handoff_in_the_hub_replies_safely_and_resolves_it()
    {
        var (result, screenshots) = await BrowserScript.RunAsync("hub-browser.mjs", "hub/index.html", "hub", _host, new Dictionary<string, string>
        {
            ["HUB_USER"] = HubBrowserHost.AdminUser,
            ["HUB_PASSWORD"] = HubBrowserHost.AdminPassword,
        }, TimeSpan.FromSeconds(240));

        await File.WriteAllTextAsync(Path.Combine(screenshots, "hub-browser.json"), result.Output);
        Assert.True(result.ExitCode == 0, result.ToString());
        var json = Assert.NotNull(result.Json);
        Assert.Equal(401, json.GetProperty("signedOut").GetProperty("handoffsStatus").GetInt32());
        Assert.Equal(0, json.GetProperty("signedOut").GetProperty("hubElements").GetInt32());
        Assert.True(json.GetProperty("xss").GetProperty("literal").GetBoolean(), result.ToString());
        Assert.False(json.GetProperty("xss").TryGetProperty("hubValue", out _), "Script from the customer's message ran in the hub.");
        Assert.True(json.GetProperty("reply").GetProperty("seenByCustomer").GetBoolean());
        foreach (var name in new[] { "hub-signin.png", "hub-queue.png", "hub-conversation.png", "hub-customer.png" })
        {
            Assert.True(File.Exists(Path.Combine(screenshots, name)), $"No screenshot {name} was saved.");
        }

        Assert.Equal(1, await _host.Database.CountAsync("SELECT count(*) FROM handoffs WHERE state = 'resolved' AND outcome = 'resolved'"));
        Assert.Equal(1, await _host.Database.CountAsync(
            "SELECT count(*) FROM handoff_events WHERE state = 'resolved' AND actor = $1", HubBrowserHost.AdminUser));
        var taught = await _host.Database.CountAsync("SELECT count(*) FROM learned_answers WHERE answer LIKE 'Open Settings, choose Security%' AND route = 'technical'");
        Assert.Equal(1, taught);
    }
}
