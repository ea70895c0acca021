using Bot.Dialogs.Agents;

namespace Bot.Dialogs.Responses;

/// <summary>Turns the retrieved evidence into an answer to the customer's question.</summary>
public interface IAnswerComposer
{
    /// <summary>True when composing calls a language model (slow enough for a typing indicator).</summary>
    bool IsGenerative => false;

    Task<ComposedAnswer> ComposeAsync(string question, Evidence evidence, CancellationToken cancellationToken);
}
