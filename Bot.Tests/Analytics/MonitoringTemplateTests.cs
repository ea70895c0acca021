using System.Diagnostics;
using System.Text.Json;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Analytics;

/// <summary>deploymentTemplates/monitoring: promtool accepts the scrape config and the alert rules, and the rules' unit tests pass.</summary>
public sealed class MonitoringTemplateTests
{
    public static string Folder => Path.Combine(RepoPaths.Root, "deploymentTemplates", "monitoring");

    [PromtoolFact]
    public async Task Promtool_accepts_the_config_and_the_rules_and_their_tests_pass()
    {
        await AssertPromtoolAsync("check", "config", "prometheus.yml");
        await AssertPromtoolAsync("check", "rules", "alerts.yml");
        await AssertPromtoolAsync("test", "rules", "alerts.test.yml");
    }

    [Fact]
    public void The_grafana_dashboard_is_json_with_a_query_in_every_panel()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "grafana-dashboard.json")));
        var panels = dashboard.RootElement.GetProperty("panels").EnumerateArray().ToList();
        Assert.NotEmpty(panels);
        Assert.All(panels, p => Assert.NotEmpty(p.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("expr").GetString())));
    }

    private static async Task AssertPromtoolAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(PromtoolFactAttribute.Path!) { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(process.ExitCode == 0, $"promtool {string.Join(' ', arguments)} exited {process.ExitCode}:\n{await output}\n{await errors}");
    }
}
