namespace Bot.Knowledge.Routing;

/// <summary>
/// The words the knowledge base uses, to tell how much of a message it even talks about: a question about the product
/// shares most of its content words with the help centre; "what's the weather in Paris" shares few. One of the
/// signals that keep the bot from answering out-of-scope messages with a confident wrong answer.
/// </summary>
public interface IKnowledgeVocabulary
{
    /// <summary>
    /// The share of the message's content words (stemmed, stop words removed) that occur in the knowledge base, each
    /// weighted by its inverse document frequency (rare words count more), 0..1; 0 for a message without content words.
    /// </summary>
    Task<double> CoverageAsync(string text, CancellationToken cancellationToken);
}
