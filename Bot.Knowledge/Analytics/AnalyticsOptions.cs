using System.ComponentModel.DataAnnotations;

namespace Bot.Knowledge.Analytics;

/// <summary>How the analytics classify conversations (section <c>Analytics</c>).</summary>
public sealed class AnalyticsOptions
{
    public const string SectionName = "Analytics";

    /// <summary>A bot answer with no further customer question and no handoff for this long is assumed to have resolved the conversation.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan AssumedResolutionWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Turns below this confidence count as knowledge gaps (the escalation agent's low-confidence threshold by default).</summary>
    [Range(0, 1)]
    public double LowConfidenceThreshold { get; set; } = 0.35;

    /// <summary>Dice overlap of content words from which two gap questions are grouped together.</summary>
    [Range(0.1, 1)]
    public double GapSimilarity { get; set; } = 0.5;
}
