namespace Bot.Knowledge.Learning;

/// <summary>
/// Repeated negative feedback on a chunk, per question: a chunk rated down in <see cref="LearningOptions.DemotionMinNegatives"/>
/// or more conversations for questions similar to the one being asked is demoted (its score multiplied by a penalty).
/// The same rule in SQL, for the hybrid search statement, is <see cref="ChunkDemotionSql"/>.
/// </summary>
public interface IChunkDemotionStore
{
    /// <summary>Records a thumbs-down for each chunk of the answer (chunks that no longer exist are skipped).</summary>
    Task RecordAsync(NegativeFeedback feedback, CancellationToken cancellationToken);

    /// <summary>The score multiplier (0..1) of each demoted chunk among <paramref name="chunkIds"/> for this question; others are absent.</summary>
    Task<IReadOnlyDictionary<long, double>> PenaltiesAsync(string question, IReadOnlyCollection<long> chunkIds, CancellationToken cancellationToken);
}
