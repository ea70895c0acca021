using System.Text.Json;

namespace Bot.Evaluation;

/// <summary>What the bot did with one message: its support trace, the replies' text, and whether it handed off.</summary>
public sealed record ProbeReply(
    string? Route,
    double Confidence,
    string? Intent,
    bool Escalated,
    IReadOnlyList<string> Reasons,
    string AnswerSource,
    IReadOnlyList<long> SourceDocumentIds,
    string Text,
    bool HandoffEvent,
    JsonElement? ThumbsDown)
{
    /// <summary>True when the bot answered as if the message were in scope: from the knowledge base or a learned answer, without a person.</summary>
    public bool Answered => !Escalated && AnswerSource is "kb" or "learned" or "llm";

    /// <summary>True when the bot declined or handed off instead of answering.</summary>
    public bool NotAnswered => !Answered;
}
