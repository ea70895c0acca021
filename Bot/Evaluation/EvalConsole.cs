using System.Globalization;
using Spectre.Console;

namespace Bot.Evaluation;

/// <summary>Writes an <see cref="EvalReport"/> as tables.</summary>
public static class EvalConsole
{
    public static void Write(IAnsiConsole console, EvalReport report)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);
        console.Write(new Rule($"[bold]Evaluation: {Markup.Escape(report.Set)}[/]").LeftJustified());
        console.MarkupLine($"Embedder [bold]{Markup.Escape(report.Embedder)}[/], router [bold]{Markup.Escape(report.RouterModel)}[/] " +
            $"(text classifier {(report.TextClassifier ? "on" : "off")}), {report.RouterExamples} examples" +
            (report.Trained is null ? "" : $" (imported {Markup.Escape(report.Trained)})"));

        if (report.Router is { } router)
        {
            var summary = new Table().Title("Router").AddColumns("Rows", "Route accuracy", "Intent accuracy", "ECE (route confidence)", "p50 ms", "p95 ms");
            summary.AddRow(N(router.Rows), P(router.RouteAccuracy), router.IntentAccuracy is { } i ? P(i) : "-",
                F(router.Calibration.ExpectedCalibrationError), F(router.LatencyP50Ms), F(router.LatencyP95Ms));
            console.Write(summary);

            var predictedRoutes = router.Confusion.Values.SelectMany(r => r.Keys).Union(router.Confusion.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var confusion = new Table().Title("Confusion (rows: actual route, columns: predicted)").AddColumn("actual");
            foreach (var route in predictedRoutes)
            {
                confusion.AddColumn(Markup.Escape(route));
            }
            foreach (var (actual, row) in router.Confusion)
            {
                confusion.AddRow([Markup.Escape(actual), .. predictedRoutes.Select(p => N(row.GetValueOrDefault(p)))]);
            }
            console.Write(confusion);

            if (router.Intents.Count > 0)
            {
                var intents = new Table().Title("Intents").AddColumns("Intent", "Support", "Predicted", "Precision", "Recall");
                foreach (var (intent, score) in router.Intents)
                {
                    intents.AddRow(Markup.Escape(intent), N(score.Support), N(score.Predicted), P(score.Precision), P(score.Recall));
                }
                console.Write(intents);
            }
        }
        if (report.Retrieval is { } retrieval)
        {
            var table = new Table().Title("Retrieval").AddColumns("Questions", "Recall@5", "MRR", "Recall@5 / MRR, any answering article");
            table.AddRow(N(retrieval.Questions), P(retrieval.RecallAt5), F(retrieval.Mrr), $"{P(retrieval.RecallAt5AnyAnswering)} / {F(retrieval.MrrAnyAnswering)}");
            console.Write(table);
        }
        if (report.Answerable is { } answerable)
        {
            var table = new Table().Title("Answerable questions through the bot").AddColumns("Questions", "Answered (no escalation)", "From the right article", "Escalated", "Declined", "Escalation reasons");
            table.AddRow(N(answerable.Questions), P(answerable.Answered), P(answerable.RightArticle), P(answerable.Escalated), P(answerable.Declined),
                Markup.Escape(string.Join(", ", answerable.Reasons.Select(r => $"{r.Key} {r.Value}"))));
            console.Write(table);
            if (answerable.HandoffsExpected > 0)
            {
                console.MarkupLine($"Questions that must go to a person: {N(answerable.HandedOff)} of {N(answerable.HandoffsExpected)} handed off.");
            }
        }
        if (report.OutOfScope is { } outOfScope)
        {
            var table = new Table().Title("Out-of-scope messages through the bot").AddColumns("Messages", "Not answered", "Declined", "Escalated");
            table.AddRow(N(outOfScope.Messages), P(outOfScope.NotAnswered), P(outOfScope.Declined), P(outOfScope.Escalated));
            console.Write(table);
        }
        if (report.Escalation is { } escalation)
        {
            var table = new Table().Title($"Escalation ({escalation.Cases} cases; false escalations {P(escalation.FalseEscalationRate)})")
                .AddColumns("Reason", "Expected", "Fired", "Precision", "Recall");
            foreach (var (reason, score) in escalation.Reasons)
            {
                table.AddRow(Markup.Escape(reason), N(score.Support), N(score.Predicted), P(score.Precision), P(score.Recall));
            }
            console.Write(table);
        }
        if (report.Feedback is { } feedback)
        {
            var table = new Table().Title("Feedback uplift (paraphrases answered with the corrected answer)").AddColumns("Groups", "Paraphrases", "Before", "After", "Uplift", "Other questions given a learned answer");
            table.AddRow(N(feedback.Groups), N(feedback.Paraphrases), P(feedback.Before), P(feedback.After), P(feedback.Uplift),
                $"{P(feedback.OtherLearned)} of {N(feedback.OtherQuestions)}");
            console.Write(table);
        }
        if (report.Thresholds.Count > 0)
        {
            var table = new Table().Title("Thresholds").AddColumns("Metric", "Minimum", "Measured", "");
            foreach (var threshold in report.Thresholds)
            {
                table.AddRow(Markup.Escape(threshold.Metric), F(threshold.Minimum), threshold.Value is { } v ? F(v) : "not measured",
                    threshold.Passed ? "[green]pass[/]" : "[red]FAIL[/]");
            }
            console.Write(table);
        }
        console.MarkupLine($"Took {report.Seconds.ToString("0.0", CultureInfo.InvariantCulture)} s.");
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string P(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
