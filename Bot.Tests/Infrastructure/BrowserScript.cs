namespace Bot.Tests.Infrastructure;

/// <summary>
/// Runs one of the Chromium scripts in <c>clients/</c> against a host: checks the page is built, gives the script the
/// host's address, Chromium's path and a screenshot folder under the test artifacts.
/// </summary>
public static class BrowserScript
{
    /// <param name="script">The script in <c>clients/</c>, e.g. <c>admin-browser.mjs</c>.</param>
    /// <param name="page">The built page it drives, relative to <c>web/dist</c> (e.g. <c>admin/index.html</c>).</param>
    /// <param name="artifacts">The folder under the test artifacts its screenshots go to.</param>
    /// <param name="host">The host it runs against.</param>
    /// <param name="settings">The script's own environment variables.</param>
    /// <param name="timeout">How long the script may take.</param>
    public static async Task<(NodeResult Result, string Screenshots)> RunAsync(
        string script, string page, string artifacts, BotHost host, IReadOnlyDictionary<string, string> settings, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(settings);
        Assert.True(File.Exists(Path.Combine(RepoPaths.WebDist, page)), $"web/dist/{page} is not built: run `make web`.");
        var screenshots = Path.Combine(RepoPaths.TestOutput, artifacts);
        Directory.CreateDirectory(screenshots);
        var environment = new Dictionary<string, string>(settings)
        {
            ["BOT_URL"] = host.BaseAddress.ToString().TrimEnd('/'),
            ["CHROMIUM_PATH"] = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            ["SCREENSHOT_DIR"] = screenshots,
        };
        return (await NodeScript.RunAsync(script, environment, timeout), screenshots);
    }
}
