namespace Bot.Dialogs.Memory;

/// <summary>A short note of one topic of a past conversation, kept in user state: what was asked, what the bot answered from, how it ended.</summary>
public sealed class ConversationSummary
{
    public required string ConversationId { get; init; }

    public required string Question { get; set; }

    /// <summary>The title of the article the answer came from (or "an answer from our support team").</summary>
    public string? AnswerTitle { get; set; }

    /// <summary>The answer's key in the conversation (ties the card's feedback to this summary).</summary>
    public string? AnswerKey { get; set; }

    public string? AnswerSource { get; set; }

    /// <summary>True when the customer said it was solved (or rated the answer up), false when not; null when unknown.</summary>
    public bool? Resolved { get; set; }

    /// <summary>Handed over to a person.</summary>
    public bool Escalated { get; set; }

    public DateTimeOffset At { get; set; }
}
