using Bot.Dialogs.Memory;

namespace Bot.Dialogs.Agents;

/// <summary>What the agents remember within one conversation.</summary>
public sealed class SupportConversationData
{
    public const int MaxRecentAnswers = 20;

    public List<AnswerRecord> RecentAnswers { get; init; } = [];

    /// <summary>The last question answered here and what it was answered from (the context of follow-ups); null before the first answer.</summary>
    public ConversationTopic? LastTopic { get; set; }

    /// <summary>The past topic (its answer key) the bot asked "is that solved?" about, until the customer replies.</summary>
    public string? PendingResolutionCheck { get; set; }

    /// <summary>The conversation the pending check's topic was in.</summary>
    public string? PendingResolutionConversation { get; set; }

    /// <summary>The bot has greeted this conversation (a welcome or a welcome back).</summary>
    public bool Welcomed { get; set; }

    public void Remember(AnswerRecord answer)
    {
        RecentAnswers.Add(answer);
        if (RecentAnswers.Count > MaxRecentAnswers)
        {
            RecentAnswers.RemoveRange(0, RecentAnswers.Count - MaxRecentAnswers);
        }
    }

    public AnswerRecord? Find(string? answerKey) =>
        answerKey is null ? null : RecentAnswers.LastOrDefault(a => string.Equals(a.AnswerKey, answerKey, StringComparison.Ordinal));
}
