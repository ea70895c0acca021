namespace Bot.Knowledge.Learning;

/// <summary>
/// The demotion rule of <see cref="IChunkDemotionStore"/> as SQL to put into a search statement. Add
/// <see cref="Cte"/> to the <c>WITH</c> list, <c>LEFT JOIN chunk_demotion dm ON dm.chunk_id = c.id</c>, and multiply the
/// score by <see cref="Multiplier"/>. The placeholders are replaced with the statement's own parameter numbers by
/// <see cref="Format"/>: <c>{vector}</c> the query embedding, <c>{embedder}</c> the active embedder's name (vectors of
/// another embedder are not compared), <c>{similarity}</c> <see cref="LearningOptions.DemotionSimilarity"/>,
/// <c>{min}</c> <see cref="LearningOptions.DemotionMinNegatives"/>, <c>{factor}</c> <see cref="LearningOptions.DemotionFactor"/>,
/// <c>{floor}</c> <see cref="LearningOptions.DemotionFloor"/>.
/// </summary>
public static class ChunkDemotionSql
{
    /// <summary>One row per demoted chunk with how many conversations rated it down for a similar question.</summary>
    public const string Cte = """
        chunk_demotion AS (
            SELECT d.chunk_id, count(DISTINCT d.conversation_id) AS negatives
            FROM chunk_demotions d
            WHERE d.embedder = {embedder}
              AND (CASE WHEN d.embedder = {embedder} THEN 1 - (d.question_embedding <=> {vector}) END) >= {similarity}
            GROUP BY d.chunk_id
            HAVING count(DISTINCT d.conversation_id) >= {min})
        """;

    /// <summary>The multiplier for a chunk joined as <c>dm</c>: 1 when not demoted, else factor^(negatives − min + 1), at least the floor.</summary>
    public const string Multiplier =
        "CASE WHEN dm.negatives IS NULL THEN 1 ELSE GREATEST({floor}, power({factor}, dm.negatives - {min} + 1)) END";

    /// <summary>Replaces the placeholders in <paramref name="sql"/> with the statement's parameters (e.g. <c>$2</c>).</summary>
    public static string Format(string sql, string vector, string embedder, string similarity, string min, string factor, string floor)
    {
        ArgumentNullException.ThrowIfNull(sql);
        return sql
            .Replace("{vector}", vector, StringComparison.Ordinal)
            .Replace("{embedder}", embedder, StringComparison.Ordinal)
            .Replace("{similarity}", similarity, StringComparison.Ordinal)
            .Replace("{min}", min, StringComparison.Ordinal)
            .Replace("{factor}", factor, StringComparison.Ordinal)
            .Replace("{floor}", floor, StringComparison.Ordinal);
    }
}
