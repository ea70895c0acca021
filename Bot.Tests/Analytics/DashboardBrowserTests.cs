using System.Text.Json;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Analytics;

/// <summary>The dashboard in headless Chromium over the scripted conversations: signs in, shows tiles, charts, gaps and the drill-down.</summary>
public sealed class DashboardBrowserTests(AnalyticsFixture fixture) : IClassFixture<AnalyticsFixture>
{
    [Fact]
    public async Task The_dashboard_renders_tiles_charts_gaps_and_a_conversation_drill_down()
    {
        var (result, screenshots) = await BrowserScript.RunAsync("dashboard-browser.mjs", "dashboard/index.html", "dashboard", fixture.Host, new Dictionary<string, string>
        {
            ["ADMIN_API_KEY"] = BotHost.AdminApiKey,
            ["DASHBOARD_QUERY"] = "from=2026-01-10&to=2026-01-11",
        }, TimeSpan.FromSeconds(150));

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = result.Json!.Value;
        Assert.Equal(401, json.GetProperty("unauthenticatedStatus").GetInt32());
        var tiles = json.GetProperty("tiles").EnumerateArray().ToDictionary(t => t.GetProperty("title").GetString()!, t => t.GetProperty("value").GetString());
        Assert.Equal("7", tiles["Conversations"]);
        Assert.Equal("43%", tiles["Automated resolution"]);
        Assert.Equal("29%", tiles["Escalation rate"]);
        Assert.Equal("2", tiles["Handoffs"]);
        var charts = json.GetProperty("charts").EnumerateArray().ToList();
        Assert.True(charts.Count >= 6, $"Only {charts.Count} charts.");
        Assert.All(charts.Where(c => c.GetProperty("title").GetString() != "Answer sources"), c => Assert.True(c.GetProperty("svg").GetBoolean(), c.ToString()));
        Assert.Equal(3, json.GetProperty("gapRows").GetInt32());
        Assert.Equal(7, json.GetProperty("conversationRows").GetInt32());
        Assert.True(json.GetProperty("csvButton").GetBoolean());
        Assert.True(json.GetProperty("drillDown").GetProperty("traceRows").GetInt32() >= 1);
        Assert.True(File.Exists(Path.Combine(screenshots, "dashboard.png")), "No screenshot of the dashboard was saved.");
    }
}
