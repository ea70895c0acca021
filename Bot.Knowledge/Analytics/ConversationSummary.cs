namespace Bot.Knowledge.Analytics;

/// <summary>A conversation of the period with its outcome (one row of the list and of the CSV export).</summary>
public sealed record ConversationSummary(
    string ConversationId,
    string? ChannelId,
    DateTimeOffset StartedAt,
    DateTimeOffset LastAt,
    string? Route,
    string Outcome,
    long Turns,
    long Handoffs,
    long ThumbsUp,
    long ThumbsDown,
    double? Satisfaction,
    string? FirstQuestion);

public sealed record ConversationPage(long Total, int Page, int PageSize, IReadOnlyList<ConversationSummary> Items);

/// <summary>A conversation's transcript (redacted) and, per bot reply, what the agents decided.</summary>
public sealed record ConversationDetail(
    ConversationSummary Summary,
    IReadOnlyList<TranscriptLine> Transcript,
    IReadOnlyList<TurnTrace> Turns,
    IReadOnlyList<HandoffLine> Handoffs,
    IReadOnlyList<FeedbackLine> Feedback);

public sealed record TranscriptLine(string Id, string From, string? Text, DateTimeOffset Timestamp, bool HasAttachments);

public sealed record TurnTrace(
    string? ReplyActivityId,
    DateTimeOffset CreatedAt,
    string? Question,
    string? Route,
    double Confidence,
    string? Intent,
    bool Escalated,
    IReadOnlyList<string> Reasons,
    string AnswerSource,
    IReadOnlyList<long> SourceIds,
    long? LearnedAnswerId,
    int LatencyMs,
    int? RouterMs,
    int? SearchMs,
    int? EscalationMs,
    int? ResponseMs);

public sealed record HandoffLine(long Id, string State, string? Outcome, IReadOnlyList<string> Reasons, string? AssignedTo, DateTimeOffset CreatedAt);

public sealed record FeedbackLine(string? AnswerActivityId, int? Rating, string? Comment, DateTimeOffset CreatedAt);
