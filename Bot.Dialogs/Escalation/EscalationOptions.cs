using System.ComponentModel.DataAnnotations;

namespace Bot.Dialogs.Escalation;

/// <summary>When a conversation goes to a person (section <c>Escalation</c>). Every signal can be switched off.</summary>
public sealed class EscalationOptions
{
    public const string SectionName = "Escalation";

    /// <summary>Retrieval confidence (0..1) below which the knowledge base is not trusted to answer.</summary>
    [Range(0, 1)]
    public double LowConfidenceThreshold { get; set; } = 0.45;

    /// <summary>How many low-confidence questions in a conversation hand it to a person (the first gets a "could you rephrase").</summary>
    [Range(1, 100)]
    public int LowConfidenceTurns { get; set; } = 2;

    /// <summary>Word overlap (Dice, 0..1) at which a question counts as one already answered in the conversation.</summary>
    [Range(0.1, 1)]
    public double RepeatSimilarity { get; set; } = 0.6;

    /// <summary>
    /// How long after the answer a question asked again counts as "asked again": a copy sent sooner is a double send or a
    /// client's retry, not a customer who read the answer and is still stuck.
    /// </summary>
    public TimeSpan RepeatMinimumGap { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many thumbs-down in a conversation hand it to a person.</summary>
    [Range(1, 100)]
    public int NegativeFeedbackCount { get; set; } = 2;

    /// <summary>Complaints go to a person.</summary>
    public bool EscalateComplaints { get; set; } = true;

    /// <summary>Abusive language goes to a person.</summary>
    public bool EscalateAbuse { get; set; } = true;

    /// <summary>Legal language (lawyers, lawsuits, regulators) goes to a person.</summary>
    public bool EscalateLegal { get; set; } = true;

    /// <summary>High-risk topics (account takeover, payment disputes, data deletion) go to a person.</summary>
    public bool EscalateHighRisk { get; set; } = true;

    /// <summary>An out-of-scope message is still answered when the knowledge base is at least this confident (0..1).</summary>
    [Range(0, 1)]
    public double OutOfScopeAnswerConfidence { get; set; } = 0.8;

    /// <summary>With an LLM configured (section <c>Llm</c>), ask it whether a person should take over when no other signal fired.</summary>
    public bool UseLlm { get; set; } = true;

    /// <summary>How long the LLM judgement may take; on timeout the other signals decide alone.</summary>
    public TimeSpan LlmTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>A help-centre address offered when the bot declines (an "open URL" option); none when empty.</summary>
    public Uri? HelpCentreUrl { get; set; }

    /// <summary>The most transcript activities attached to a handoff.</summary>
    [Range(1, 10_000)]
    public int MaxTranscriptActivities { get; set; } = 200;
}
