namespace Bot.Dialogs.Memory;

/// <summary>
/// The last question the bot answered in a conversation and what it answered from, so a short follow-up ("and on the
/// yearly plan?", "it still fails") can be read in its context.
/// </summary>
public sealed record ConversationTopic(
    string Question,
    string? Title,
    string? Url,
    string? Route,
    string AnswerSource,
    string? AnswerKey,
    DateTimeOffset At);
