using System.Text.Json;
using Bot.Evaluation;
using Bot.Hosting;
using Bot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace Bot.Tests.Evaluation;

/// <summary>
/// The <c>eval</c> and <c>router import</c> commands of the host binary, run as the binary runs them (the host's
/// builder, <see cref="CommandLine.RunAsync"/>) against the real PostgreSQL server.
/// </summary>
public sealed class EvalCommandTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "eval-test-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        Directory.CreateDirectory(_folder);
    }

    public async Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        await _database.DisposeAsync();
    }

    private const string RouterSet = """
        text,route,intent
        How do I reset my password?,technical,question
        my api key returns 401 unauthorized,technical,question
        can i get a refund on my annual plan,billing,question
        where do I download our invoices,billing,question
        what are your support hours,general,question
        I want to talk to a human,general,asks_for_human
        what's the weather like in rome tomorrow,general,out_of_scope
        tell me a joke about penguins,general,out_of_scope
        """;

    [Fact]
    public async Task Eval_on_a_small_set_prints_writes_json_and_passes_its_thresholds()
    {
        var (code, report) = await EvalAsync(RouterSet, """{ "minimums": { "router.routeAccuracy": 0.5, "outOfScope.notAnswered": 0.5 } }""");
        Assert.Equal(0, code);
        var router = report.GetProperty("router");
        Assert.Equal(8, router.GetProperty("rows").GetInt32());
        Assert.InRange(router.GetProperty("routeAccuracy").GetDouble(), 0.5, 1);
        Assert.True(router.GetProperty("confusion").TryGetProperty("billing", out _));
        Assert.True(router.GetProperty("intents").TryGetProperty("asks_for_human", out _));
        Assert.Equal(2, report.GetProperty("outOfScope").GetProperty("messages").GetInt32());
        Assert.All(report.GetProperty("thresholds").EnumerateArray(), t => Assert.True(t.GetProperty("passed").GetBoolean()));
    }

    /// <summary>What <c>make eval</c> runs: the project's own sets against samples/eval/thresholds.json, so CI fails below them.</summary>
    [Fact]
    public async Task The_project_sets_meet_the_projects_thresholds()
    {
        var output = Path.Combine(_folder, "project.json");
        var code = await RunAsync(["eval"], ["--output", output]);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(output));
        var failed = json.RootElement.GetProperty("thresholds").EnumerateArray()
            .Where(t => !t.GetProperty("passed").GetBoolean())
            .Select(t => $"{t.GetProperty("metric").GetString()} {t.GetProperty("value")} < {t.GetProperty("minimum")}")
            .ToList();
        Assert.True(code == 0, "Below the thresholds: " + string.Join("; ", failed));
        Assert.NotEmpty(json.RootElement.GetProperty("thresholds").EnumerateArray());
    }

    [Fact]
    public async Task Eval_exits_non_zero_below_a_threshold()
    {
        var (code, report) = await EvalAsync(RouterSet, """{ "minimums": { "router.routeAccuracy": 1.01, "retrieval.recallAt5": 0.5 } }""");
        Assert.Equal(1, code);
        var thresholds = report.GetProperty("thresholds").EnumerateArray().ToDictionary(t => t.GetProperty("metric").GetString()!);
        Assert.False(thresholds["router.routeAccuracy"].GetProperty("passed").GetBoolean());
        // A metric the set does not measure fails too: a thresholds file says what its set must measure.
        Assert.Equal(JsonValueKind.Null, thresholds["retrieval.recallAt5"].GetProperty("value").ValueKind);
    }

    [Fact]
    public async Task Router_import_adds_a_csv_through_the_product_import()
    {
        var file = Path.Combine(_folder, "examples.csv");
        await File.WriteAllTextAsync(file, "text,route,intent\nwhere is the flux gizmo manual,technical,question\nis the gizmo licence tax deductible,billing,\n");
        var code = await RunAsync(["router", "import", file], []);
        Assert.Equal(0, code);
        Assert.Equal(2, await _database.CountAsync("SELECT count(*) FROM router_examples WHERE source = 'import' AND embedding IS NOT NULL"));

        var bad = Path.Combine(_folder, "bad.csv");
        await File.WriteAllTextAsync(bad, "text,route,intent\nfine,general,question\nbroken,general,nonsense\n");
        Assert.Equal(1, await RunAsync(["router", "import", bad], []));
        Assert.Equal(2, await _database.CountAsync("SELECT count(*) FROM router_examples"));
    }

    [Theory]
    [InlineData("text,route,intent", "router")]
    [InlineData("question,article,route", "kb")]
    [InlineData("group,question,answer", "paraphrases")]
    [InlineData("conversation,message,reasons", "escalation")]
    [InlineData("utterance,intent,entity_type,entity_value,start_offset,end_offset,category,tags", "bitext")]
    public async Task Eval_guesses_the_format_from_the_header(string header, string format)
    {
        var file = Path.Combine(_folder, "set.csv");
        await File.WriteAllTextAsync(file, header + "\n");
        Assert.Equal(format, EvalCommand.Guess(file));
        Assert.Equal("clinc-oos", EvalCommand.Guess(Path.Combine(_folder, "train_val.json")));
    }

    private async Task<(int Code, JsonElement Report)> EvalAsync(string set, string thresholds)
    {
        var file = Path.Combine(_folder, "set.csv");
        var thresholdsFile = Path.Combine(_folder, "thresholds.json");
        var output = Path.Combine(_folder, "report.json");
        await File.WriteAllTextAsync(file, set);
        await File.WriteAllTextAsync(thresholdsFile, thresholds);
        var code = await RunAsync(["eval", file], ["--thresholds", thresholdsFile, "--output", output]);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(output));
        return (code, json.RootElement.Clone());
    }

    private async Task<int> RunAsync(string[] command, string[] options)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. options, "--Database:ConnectionString", _database.ConnectionString],
            ContentRootPath = Path.Combine(RepoPaths.Root, "Bot"),
            EnvironmentName = "Testing",
        });
        builder.AddSupportBot();
        await using var app = builder.Build();
        return await CommandLine.RunAsync(app, command);
    }
}
