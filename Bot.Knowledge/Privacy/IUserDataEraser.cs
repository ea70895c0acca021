namespace Bot.Knowledge.Privacy;

/// <summary>Erases everything stored about one person (privacy requests).</summary>
public interface IUserDataEraser
{
    /// <summary>
    /// Removes the person's user state, the conversations they are the user of (state, transcript, attachments,
    /// references), their activities in other conversations, their feedback, turn records, handoffs and what was learned
    /// from them (learned answers, demotion votes), in one transaction, and tells how many rows of each kind went.
    /// </summary>
    Task<ErasureReport> EraseAsync(string userId, CancellationToken cancellationToken);
}
