namespace Bot.Evaluation;

/// <summary>Everything one evaluation run measured (the JSON output), and the flat metric names thresholds refer to.</summary>
public sealed class EvalReport
{
    public required string Set { get; init; }

    public required string Embedder { get; init; }

    public required string RouterModel { get; init; }

    public required bool TextClassifier { get; init; }

    public long RouterExamples { get; set; }

    public string? Trained { get; set; }

    public RouterReport? Router { get; set; }

    public RetrievalReport? Retrieval { get; set; }

    public AnswerReport? Answerable { get; set; }

    public OutOfScopeReport? OutOfScope { get; set; }

    public EscalationReport? Escalation { get; set; }

    public FeedbackReport? Feedback { get; set; }

    public List<ThresholdResult> Thresholds { get; } = [];

    public double Seconds { get; set; }

    /// <summary>The metrics by the names a thresholds file uses (<c>router.routeAccuracy</c>, <c>escalation.complaint.recall</c>, ...).</summary>
    public Dictionary<string, double> Metrics()
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        if (Router is { } router)
        {
            metrics["router.routeAccuracy"] = router.RouteAccuracy;
            if (router.IntentAccuracy is { } intentAccuracy)
            {
                metrics["router.intentAccuracy"] = intentAccuracy;
            }
            foreach (var (intent, score) in router.Intents)
            {
                metrics[$"router.intent.{intent}.recall"] = score.Recall;
                metrics[$"router.intent.{intent}.precision"] = score.Precision;
            }
        }
        if (Retrieval is { } retrieval)
        {
            metrics["retrieval.recallAt5"] = retrieval.RecallAt5;
            metrics["retrieval.mrr"] = retrieval.Mrr;
            metrics["retrieval.recallAt5AnyAnswering"] = retrieval.RecallAt5AnyAnswering;
        }
        if (Answerable is { } answerable)
        {
            metrics["answerable.answeredWithoutEscalation"] = answerable.Answered;
            metrics["answerable.answeredFromRightArticle"] = answerable.RightArticle;
        }
        if (OutOfScope is { } outOfScope)
        {
            metrics["outOfScope.notAnswered"] = outOfScope.NotAnswered;
        }
        if (Escalation is { } escalation)
        {
            foreach (var (reason, score) in escalation.Reasons)
            {
                metrics[$"escalation.{reason}.recall"] = score.Recall;
                metrics[$"escalation.{reason}.precision"] = score.Precision;
            }
            metrics["escalation.calmNotEscalated"] = Math.Round(1 - escalation.FalseEscalationRate, 4);
        }
        if (Feedback is { } feedback)
        {
            metrics["feedback.after"] = feedback.After;
            metrics["feedback.uplift"] = feedback.Uplift;
            metrics["feedback.otherLearned"] = feedback.OtherLearned;
        }
        return metrics;
    }
}

/// <summary>Router accuracy, the confusion matrix (actual → predicted → count), per-intent scores, calibration and latency.</summary>
public sealed record RouterReport(
    int Rows,
    double RouteAccuracy,
    double? IntentAccuracy,
    SortedDictionary<string, SortedDictionary<string, int>> Confusion,
    SortedDictionary<string, ClassScore> Intents,
    CalibrationReport Calibration,
    double LatencyP50Ms,
    double LatencyP95Ms,
    IReadOnlyList<RouterMistake> Mistakes);

public sealed record RouterMistake(string Text, string Route, string PredictedRoute, string? Intent, string PredictedIntent, double Confidence);

/// <summary>How often a class was predicted right: precision and recall over its support.</summary>
public sealed record ClassScore(int Support, int Predicted, int Correct)
{
    public double Precision => Predicted == 0 ? 0 : Math.Round((double)Correct / Predicted, 4);

    public double Recall => Support == 0 ? 0 : Math.Round((double)Correct / Support, 4);
}

/// <summary>Expected calibration error of the route confidence over ten bins, and the bins.</summary>
public sealed record CalibrationReport(double ExpectedCalibrationError, IReadOnlyList<CalibrationBin> Bins);

public sealed record CalibrationBin(double From, double To, int Count, double MeanConfidence, double Accuracy);

/// <summary>Retrieval alone (the search the Search agent runs): recall@5 and MRR of the labelled article.</summary>
public sealed record RetrievalReport(int Questions, double RecallAt5, double Mrr)
{
    /// <summary>Questions whose labelled article is not among the top five, with the first three found instead.</summary>
    public IReadOnlyList<string> Misses { get; init; } = [];

    /// <summary>Recall@5 counting the labelled article or any other article a reviewer found to answer the question (<see cref="KbQuestion.AlsoAnswering"/>).</summary>
    public double RecallAt5AnyAnswering { get; init; }

    /// <summary>MRR of the first article that answers the question, labelled or also answering.</summary>
    public double MrrAnyAnswering { get; init; }
}

/// <summary>The whole bot on answerable questions: answered without escalation, from the right article, escalated, declined.</summary>
public sealed record AnswerReport(
    int Questions, double Answered, double RightArticle, double Escalated, double Declined, SortedDictionary<string, int> Reasons,
    IReadOnlyList<string> NotAnswered)
{
    /// <summary>Questions of the set labelled as expecting a handoff (not in <see cref="Questions"/>).</summary>
    public int HandoffsExpected { get; init; }

    /// <summary>How many of those the bot handed off.</summary>
    public int HandedOff { get; init; }
}

/// <summary>The whole bot on out-of-scope messages: not answered (declined or handed off), declined, escalated.</summary>
public sealed record OutOfScopeReport(int Messages, double NotAnswered, double Declined, double Escalated, IReadOnlyList<string> AnsweredExamples);

/// <summary>Escalation reasons scored per conversation (or per message for single-message sets).</summary>
public sealed record EscalationReport(int Cases, double FalseEscalationRate, SortedDictionary<string, ClassScore> Reasons, IReadOnlyList<string> Misses);

/// <summary>Paraphrases answered with the corrected answer before and after the corrections went in through the correction service.</summary>
public sealed record FeedbackReport(int Groups, int Paraphrases, double Before, double After, IReadOnlyList<string> Misses)
{
    public double Uplift => Math.Round(After - Before, 4);

    /// <summary>How many other questions (the help centre's labelled ones) were asked after the corrections.</summary>
    public int OtherQuestions { get; init; }

    /// <summary>The share of them given a learned answer (an upper bound of answers taken over wrongly).</summary>
    public double OtherLearned { get; init; }

    /// <summary>Those questions, their labelled article and the learned answer they got.</summary>
    public IReadOnlyList<string> OtherTaken { get; init; } = [];
}

public sealed record ThresholdResult(string Metric, double Minimum, double? Value, bool Passed);
