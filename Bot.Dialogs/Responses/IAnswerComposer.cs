using Bot.Dialogs.Agents;

namespace Bot.Dialogs.Responses;

/// <summary>Turns the retrieved evidence into an answer to the customer's question.</summary>
public interface IAnswerComposer
{
    Task<ComposedAnswer> ComposeAsync(string question, Evidence evidence, CancellationToken cancellationToken);
}
