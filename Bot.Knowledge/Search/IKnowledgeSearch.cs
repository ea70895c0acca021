namespace Bot.Knowledge.Search;

/// <summary>Finds the knowledge-base passages that answer a question.</summary>
public interface IKnowledgeSearch
{
    /// <summary>Ranked passages for the query, best first; empty when nothing matches.</summary>
    Task<IReadOnlyList<KnowledgeHit>> SearchAsync(KnowledgeQuery query, CancellationToken cancellationToken);
}
