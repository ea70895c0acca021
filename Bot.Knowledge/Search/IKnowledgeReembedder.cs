namespace Bot.Knowledge.Search;

/// <summary>Recomputes every chunk's embedding with the configured embedder (after changing embedders).</summary>
public interface IKnowledgeReembedder
{
    /// <summary>Re-embeds all chunks, rebuilds the vector index, and returns how many chunks were embedded.</summary>
    Task<int> ReembedAllAsync(IProgress<int>? progress, CancellationToken cancellationToken);
}
