namespace Bot.Dialogs.Escalation;

/// <summary>
/// What the Router, Search and Escalation agents remember within one conversation (conversation state
/// <c>signals</c>): the last question's topic (to rewrite short follow-ups), the questions asked (to notice one asked
/// again), how many questions the knowledge base could not answer, and the open handoff.
/// </summary>
public sealed class ConversationSignals
{
    public const int MaxQuestions = 20;

    /// <summary>The last question searched, as searched (a follow-up already rewritten).</summary>
    public string? LastQuestion { get; set; }

    /// <summary>The route of the last question.</summary>
    public string? LastRoute { get; set; }

    /// <summary>The title of the passage (or the learned question) the last answer came from.</summary>
    public string? LastTopic { get; set; }

    /// <summary>Questions the knowledge base had no confident answer for, since the last handoff.</summary>
    public int LowConfidenceTurns { get; set; }

    public List<AskedQuestion> Questions { get; init; } = [];

    /// <summary>The handoff of this conversation, once there is one.</summary>
    public long? HandoffId { get; set; }

    public DateTimeOffset? HandoffAt { get; set; }

    /// <summary>When the customer was last told, while waiting in the queue, that a person will reply.</summary>
    public DateTimeOffset? QueueNoticeAt { get; set; }

    /// <summary>The handoff nobody took in time, while the bot waits for the message the customer may leave for it.</summary>
    public long? MessageForHandoffId { get; set; }

    /// <summary>How many thumbs-down the conversation had when it was handed off (only later ones count again).</summary>
    public int NegativeFeedbackAtHandoff { get; set; }

    public void Remember(AskedQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        Questions.Add(question);
        if (Questions.Count > MaxQuestions)
        {
            Questions.RemoveRange(0, Questions.Count - MaxQuestions);
        }
    }
}
