using Bot.Hosting;
using Bot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Bot.Tests.Ingestion;

/// <summary>The <c>kb</c> commands of the host binary, run as <c>Program</c> runs them, against a real database.</summary>
public sealed class KnowledgeCommandsTests(TestDatabase database) : IClassFixture<TestDatabase>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kb-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<int> RunAsync(params string[] command)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ContentRootPath = Path.Combine(RepoPaths.Root, "Bot"),
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Admin:ApiKey"] = BotHost.AdminApiKey,
            ["DirectLine:Secret"] = BotHost.DirectLineSecret,
        });
        builder.AddSupportBot();
        await using var app = builder.Build();
        return await CommandLine.RunAsync(app, command);
    }

    [Fact]
    public async Task Ingest_list_search_and_delete_from_the_command_line()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "cli-refunds.md"), "# Refunds\n\nAnnual plans are refunded within 14 days.");
        await File.WriteAllTextAsync(Path.Combine(_folder, "cli-faq.csv"), "question,answer\nHow long do refunds take?,Five working days.\n");

        Assert.Equal(0, await RunAsync("kb", "ingest", _folder));
        Assert.Equal(2, await database.CountAsync("SELECT count(*) FROM kb_documents WHERE source LIKE 'cli-%'"));
        Assert.Equal(2, await database.CountAsync("SELECT count(*) FROM kb_chunks WHERE embedding IS NOT NULL"));
        Assert.Equal(0, await RunAsync("kb", "ingest", _folder));

        Assert.Equal(0, await RunAsync("kb", "list"));
        Assert.Equal(0, await RunAsync("kb", "search", "refund", "annual", "plan"));

        Assert.Equal(0, await RunAsync("kb", "delete", "cli-faq.csv"));
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM kb_documents WHERE source LIKE 'cli-faq.csv%'"));
        var id = await database.CountAsync("SELECT id FROM kb_documents WHERE source = 'cli-refunds.md'");
        Assert.Equal(0, await RunAsync("kb", "delete", id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(1, await RunAsync("kb", "delete", id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM kb_documents"));
    }

    [Fact]
    public async Task A_failed_file_makes_ingest_exit_with_1_and_unknown_commands_with_2()
    {
        var bad = Path.Combine(_folder, "bad");
        Directory.CreateDirectory(bad);
        await File.WriteAllBytesAsync(Path.Combine(bad, "broken.txt"), [0x41, 0xFF]);
        Assert.Equal(1, await RunAsync("kb", "ingest", bad));
        Assert.Equal(1, await RunAsync("kb", "ingest", Path.Combine(_folder, "does-not-exist")));
        Assert.Equal(2, await RunAsync("kb", "frobnicate"));
    }
}
