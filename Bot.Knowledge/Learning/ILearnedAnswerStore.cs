using Bot.Knowledge.Search;

namespace Bot.Knowledge.Learning;

/// <summary>Answers agents approved (corrections), found again for paraphrases of the question they answer.</summary>
public interface ILearnedAnswerStore
{
    /// <summary>
    /// The nearest learned question above the similarity threshold, or null when no learned answer is close enough.
    /// <paramref name="passages"/> are what the knowledge base found for the question (empty when not searched): where
    /// they lead counts towards the match.
    /// </summary>
    Task<LearnedAnswerMatch?> FindAsync(string question, IReadOnlyList<KnowledgeHit> passages, CancellationToken cancellationToken);

    /// <summary>Stores an approved answer for a question and returns its id.</summary>
    Task<long> AddAsync(Correction correction, CancellationToken cancellationToken);
}
