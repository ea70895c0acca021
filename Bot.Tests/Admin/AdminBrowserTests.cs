using System.Text.Json;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Admin;

/// <summary>
/// The knowledge-base admin page in headless Chromium over the sample help centre: signs in with the API key, runs the
/// search playground from <c>?q=</c>, uploads an article (a tag in its title) and an empty file, finds the article by
/// a word only it has, and deletes it.
/// </summary>
public sealed class AdminBrowserTests(BotHost host) : IClassFixture<BotHost>
{
    [Fact]
    public async Task The_admin_page_searches_uploads_shows_and_deletes_a_document()
    {
        var (result, screenshots) = await BrowserScript.RunAsync("admin-browser.mjs", "admin/index.html", "admin", host, new Dictionary<string, string>
        {
            ["ADMIN_API_KEY"] = BotHost.AdminApiKey,
            ["QUERY"] = "how do i stop paying",
        }, TimeSpan.FromSeconds(150));

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = result.Json!.Value;
        Assert.Equal(401, json.GetProperty("unauthenticatedStatus").GetInt32());
        Assert.Equal("how do i stop paying", json.GetProperty("query").GetString());
        var results = json.GetProperty("results").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.InRange(results.Count, 1, 10);
        Assert.Contains(results, r => r.Contains("Cancel your subscription#", StringComparison.Ordinal));
        Assert.True(json.GetProperty("documentsBefore").GetInt32() >= 50, "The sample help centre is listed.");

        var options = json.GetProperty("categoryOptions").EnumerateArray().Select(o => o.GetString()!).ToList();
        Assert.Equal("All categories", options[0]);
        Assert.Contains(options, o => o.StartsWith("billing (", StringComparison.Ordinal));
        var billing = json.GetProperty("billingResults").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.NotEmpty(billing);
        Assert.All(billing, r => Assert.Contains("· billing", r, StringComparison.Ordinal));

        Assert.Equal("1 created, 0 updated, 0 unchanged, 1 failed.", json.GetProperty("uploadSummary").GetString());
        var files = json.GetProperty("uploadFiles").EnumerateArray().Select(f => f.GetString()!).ToList();
        Assert.Contains(files, f => f.StartsWith("quokka-policy.md: Quokka <img src=x", StringComparison.Ordinal) && f.EndsWith("(created)", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith("empty.md:", StringComparison.Ordinal) && f.Contains("empty", StringComparison.OrdinalIgnoreCase));

        // The ingestion keeps the escaped tag as text in the title; the page shows it as text, not as an image.
        Assert.Contains("Quokka <img src=x", json.GetProperty("uploadedRow").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, json.GetProperty("uploadedTitleImages").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("xss").ValueKind);
        Assert.Contains("zanzibarquokka", json.GetProperty("uploadedSearchTop").GetString(), StringComparison.Ordinal);

        Assert.StartsWith("Delete ", json.GetProperty("confirmation").GetString(), StringComparison.Ordinal);
        Assert.False(json.GetProperty("listedAfterDelete").GetBoolean());
        Assert.True(File.Exists(Path.Combine(screenshots, "admin-uploaded.png")), "No screenshot of the upload was saved.");
    }
}
