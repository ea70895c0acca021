using Bot.Dialogs.Memory;

namespace Bot.Dialogs.Agents;

/// <summary>What the bot knows about a person across conversations (user state).</summary>
public sealed class UserProfile
{
    public const int MaxSummaries = 10;

    public string? Name { get; set; }

    /// <summary>The plan the person said they are on (Free, Team, Business, Enterprise), when they said so.</summary>
    public string? Plan { get; set; }

    /// <summary>The language of the conversation (the channel's locale, e.g. <c>en-US</c>), when known.</summary>
    public string? Language { get; set; }

    public DateTimeOffset? FirstSeen { get; set; }

    public DateTimeOffset? LastSeen { get; set; }

    public int Questions { get; set; }

    /// <summary>Short summaries of past topics, oldest first, at most <see cref="MaxSummaries"/>.</summary>
    public List<ConversationSummary> Summaries { get; init; } = [];

    public ConversationSummary? LastSummary => Summaries.Count > 0 ? Summaries[^1] : null;

    /// <summary>Adds a summary, or updates the one of the same answer.</summary>
    public ConversationSummary Remember(ConversationSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var existing = summary.AnswerKey is null ? null : Find(summary.ConversationId, summary.AnswerKey);
        if (existing is not null)
        {
            return existing;
        }
        Summaries.Add(summary);
        if (Summaries.Count > MaxSummaries)
        {
            Summaries.RemoveRange(0, Summaries.Count - MaxSummaries);
        }
        return summary;
    }

    public ConversationSummary? Find(string conversationId, string? answerKey) =>
        answerKey is null
            ? null
            : Summaries.LastOrDefault(s => s.ConversationId == conversationId && string.Equals(s.AnswerKey, answerKey, StringComparison.Ordinal));
}
