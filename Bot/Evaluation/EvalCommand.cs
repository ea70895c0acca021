using System.Diagnostics;
using System.Text.Json;
using Bot.Dialogs.Routing;
using Bot.Knowledge.Embeddings;
using Bot.Knowledge.Routing;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Bot.Evaluation;

/// <summary>
/// <c>eval [file] [--format project|router|kb|escalation|paraphrases|bitext|clinc-oos] [--train file.csv] [--thresholds file.json]
/// [--output file.json] [--database current] [--split oos_val] [--text-classifier true|false] [--features file.csv] [--match-features file.csv]</c>.
/// Without a file: the project's own sets in <c>samples/eval</c> checked against <c>samples/eval/thresholds.json</c>
/// (what <c>make eval</c> runs in CI). Exit code 1 when a threshold is not met.
/// </summary>
public static class EvalCommand
{
    public const string Usage = """
        Usage: eval [file] [--format project|router|kb|escalation|paraphrases|bitext|clinc-oos]
                    [--train examples.csv] [--thresholds thresholds.json] [--output results.json]
                    [--database current] [--split oos_val] [--text-classifier true|false] [--features features.csv] [--match-features matches.csv]
          no file           the project's sets in samples/eval, checked against samples/eval/thresholds.json
          --format          what the file is (guessed from its header or extension when not given)
          --train           import these examples (text,route[,intent] or Bitext) before measuring, as `router import` does
          --database current  measure the configured database as it is (default: a throwaway database with the samples)
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(WebApplication app, string[] command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(command);
        var configuration = app.Configuration;
        var console = Hosting.CommandConsole.Create();
        var samples = EmbedderFactory.ResolvePath("samples", app.Environment.ContentRootPath);
        string? file = command.Length > 1 ? Path.GetFullPath(command[1]) : null;
        if (command.Length > 2 || (file is not null && !File.Exists(file)))
        {
            await Console.Error.WriteLineAsync(file is not null && !File.Exists(file) ? $"No such file: {file}\n{Usage}" : Usage);
            return 2;
        }
        var format = (configuration["format"] ?? (file is null ? "project" : Guess(file))).ToLowerInvariant();
        if (format is not ("project" or "router" or "kb" or "escalation" or "paraphrases" or "bitext" or "clinc-oos"))
        {
            await Console.Error.WriteLineAsync($"Unknown format '{format}'.\n{Usage}");
            return 2;
        }
        var textClassifier = bool.TryParse(configuration["text-classifier"], out var on) ? on : (bool?)null;
        var settings = new EvalSettings(
            string.Equals(configuration["database"], "current", StringComparison.OrdinalIgnoreCase),
            [Path.Combine(samples, "kb", "articles"), Path.Combine(samples, "kb", "faq.csv")],
            [Path.Combine(samples, "eval", "router-examples.csv"), Path.Combine(samples, "router", "common-requests.csv")],
            textClassifier);

        var clock = Stopwatch.StartNew();
        await using var environment = await EvalEnvironment.CreateAsync(app, settings, Console.Out, cancellationToken);
        var services = environment.Services;
        string? trained = null;
        if (configuration["train"] is { Length: > 0 } train)
        {
            var trainPath = Path.GetFullPath(train);
            var result = await environment.ImportAsync(trainPath, Guess(trainPath) == "bitext" ? RouterCsvFormat.Bitext : RouterCsvFormat.Router, cancellationToken);
            trained = $"{Path.GetFileName(trainPath)}: {result.Added} added, {result.Relabelled} relabelled";
            await Console.Out.WriteLineAsync($"Imported {trained}");
        }
        await environment.WarmUpAsync(cancellationToken);

        var router = services.GetRequiredService<IRouterModel>();
        var report = new EvalReport
        {
            Set = file is null ? "project (samples/eval)" : $"{Path.GetFileName(file)} ({format})",
            Embedder = environment.Embedder.Name,
            RouterModel = router is LlmRouterModel ? "llm + local fallback" : "local (examples)",
            TextClassifier = services.GetRequiredService<IOptions<RouterOptions>>().Value.TextClassifier,
            RouterExamples = await services.GetRequiredService<IRouterExampleStore>().CountAsync(cancellationToken),
            Trained = trained,
        };
        var pipeline = new PipelineEvaluation(services, new BotProbe(services.GetRequiredService<Core.IBot>()));
        await using var features = configuration["features"] is { Length: > 0 } featuresPath ? new StreamWriter(featuresPath) : null;
        if (features is not null)
        {
            await features.WriteLineAsync("set,label,top_right,vector,text,both,nearest,intent,coverage");
        }
        await using var matchFeatures = configuration["match-features"] is { Length: > 0 } matchPath ? new StreamWriter(matchPath) : null;
        var eval = Path.Combine(samples, "eval");
        switch (format)
        {
            case "project":
                var routerTest = EvalData.RouterCases(Path.Combine(eval, "router-test.csv"), RouterCsvFormat.Router);
                report.Router = await RouterEvaluation.RunAsync(router, routerTest, cancellationToken);
                var questions = EvalData.KbQuestions(Path.Combine(eval, "kb-questions.csv"));
                report.Retrieval = await pipeline.RetrievalAsync(questions, features, cancellationToken);
                report.Answerable = await pipeline.AnswerableAsync(questions, cancellationToken);
                report.OutOfScope = await pipeline.OutOfScopeAsync(routerTest.Where(c => c.Intent == "out_of_scope").Select(c => c.Text).ToList(), cancellationToken);
                report.Escalation = await pipeline.EscalationScriptAsync(EvalData.EscalationScript(Path.Combine(eval, "escalation.csv")), cancellationToken);
                report.Feedback = await pipeline.FeedbackAsync(EvalData.Paraphrases(Path.Combine(eval, "paraphrases.csv")), questions, matchFeatures, cancellationToken);
                break;
            case "router":
                var cases = EvalData.RouterCases(file!, RouterCsvFormat.Router);
                report.Router = await RouterEvaluation.RunAsync(router, cases, cancellationToken);
                var outOfScope = cases.Where(c => c.Intent == "out_of_scope").Select(c => c.Text).ToList();
                if (outOfScope.Count > 0)
                {
                    report.OutOfScope = await pipeline.OutOfScopeAsync(outOfScope, cancellationToken);
                }
                break;
            case "kb":
                var kb = EvalData.KbQuestions(file!);
                report.Retrieval = await pipeline.RetrievalAsync(kb, features, cancellationToken);
                report.Answerable = await pipeline.AnswerableAsync(kb, cancellationToken);
                break;
            case "escalation":
                report.Escalation = await pipeline.EscalationScriptAsync(EvalData.EscalationScript(file!), cancellationToken);
                break;
            case "paraphrases":
                var labelled = Path.Combine(eval, "kb-questions.csv");
                report.Feedback = await pipeline.FeedbackAsync(
                    EvalData.Paraphrases(file!), File.Exists(labelled) ? EvalData.KbQuestions(labelled) : [], matchFeatures, cancellationToken);
                break;
            case "bitext":
                var bitext = EvalData.RouterCases(file!, RouterCsvFormat.Bitext);
                report.Router = await RouterEvaluation.RunAsync(router, bitext, cancellationToken);
                if (!string.Equals(configuration["pipeline"], "false", StringComparison.OrdinalIgnoreCase))
                {
                    report.Escalation = await pipeline.EscalationMessagesAsync(bitext, cancellationToken);
                }
                break;
            case "clinc-oos":
                var messages = EvalData.Clinc(file!, configuration["split"] ?? "oos_val");
                report.OutOfScope = await pipeline.OutOfScopeAsync(messages, cancellationToken);
                if (features is not null)
                {
                    await pipeline.OutOfScopeFeaturesAsync(messages, features, cancellationToken);
                }
                // The other side of the trade-off, in the same configuration: the project's answerable questions.
                var answerable = EvalData.KbQuestions(Path.Combine(eval, "kb-questions.csv"));
                report.Answerable = await pipeline.AnswerableAsync(answerable, cancellationToken);
                if (features is not null)
                {
                    await pipeline.RetrievalAsync(answerable, features, cancellationToken);
                }
                break;
        }

        var thresholdsPath = configuration["thresholds"] ?? (format == "project" ? Path.Combine(eval, "thresholds.json") : null);
        if (thresholdsPath is not null)
        {
            EvalThresholds.Check(report, EvalThresholds.Load(thresholdsPath, report.Embedder));
        }
        report.Seconds = Math.Round(clock.Elapsed.TotalSeconds, 1);
        EvalConsole.Write(console, report);

        var output = configuration["output"] ?? Path.Combine(Path.GetDirectoryName(samples)!, "TestResults", "eval", $"eval-{format}.json");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(report, Json), cancellationToken);
        console.MarkupLine($"JSON: {Markup.Escape(Path.GetFullPath(output))}");

        var failed = report.Thresholds.Where(t => !t.Passed).ToList();
        if (failed.Count > 0)
        {
            console.MarkupLine($"[red]{failed.Count} threshold(s) not met: {Markup.Escape(string.Join(", ", failed.Select(f => f.Metric)))}[/]");
            return 1;
        }
        return 0;
    }

    /// <summary>The format of a file from its extension or header row.</summary>
    public static string Guess(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return "clinc-oos";
        }
        using var reader = new StreamReader(path);
        var header = (reader.ReadLine() ?? "").TrimStart('\uFEFF').ToLowerInvariant();
        var columns = header.Split(',').Select(c => c.Trim()).ToHashSet(StringComparer.Ordinal);
        return columns.Contains("utterance") ? "bitext"
            : columns.Contains("article") ? "kb"
            : columns.Contains("group") ? "paraphrases"
            : columns.Contains("conversation") ? "escalation"
            : "router";
    }
}
