namespace Bot.Dialogs.Agents;

/// <summary>What the agents remember within one conversation.</summary>
public sealed class SupportConversationData
{
    public const int MaxRecentAnswers = 20;

    public List<AnswerRecord> RecentAnswers { get; init; } = [];

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
