namespace Bot.Dialogs.Escalation;

/// <summary>A question asked in the conversation, and whether the bot answered it.</summary>
public sealed class AskedQuestion
{
    public required string Text { get; init; }

    public bool Answered { get; init; }

    public DateTimeOffset At { get; init; }
}
