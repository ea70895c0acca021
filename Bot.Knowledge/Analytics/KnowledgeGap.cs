namespace Bot.Knowledge.Analytics;

/// <summary>A question the bot could not answer well: low confidence or declined, rated down, or handed off.</summary>
public sealed record GapQuestion(string Question, string Reason, string? Route, string ConversationId, DateTimeOffset At);

/// <summary>Similar gap questions together: how many, why, example questions and where to fix it in the KB admin.</summary>
public sealed record KnowledgeGap(
    string Label,
    long Count,
    IReadOnlyDictionary<string, long> Reasons,
    IReadOnlyList<string> Routes,
    IReadOnlyList<string> Examples,
    IReadOnlyList<string> ConversationIds,
    DateTimeOffset LastAt,
    string AdminUrl);

public sealed record KnowledgeGaps(DateTimeOffset From, DateTimeOffset To, string? Route, long Questions, IReadOnlyList<KnowledgeGap> Groups);

/// <summary>Why a question is a gap.</summary>
public static class GapReasons
{
    public const string LowConfidence = "low_confidence";
    public const string Declined = "declined";
    public const string ThumbsDown = "thumbs_down";
    public const string Handoff = "handoff";
}
