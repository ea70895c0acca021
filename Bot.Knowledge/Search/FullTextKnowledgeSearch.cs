using Npgsql;

namespace Bot.Knowledge.Search;

/// <summary>
/// PostgreSQL full-text search over the stored <c>tsvector</c> of each chunk. Any query word may match (an OR query),
/// so a long question still finds the passage that shares its key words; ranking favours titles and headings.
/// </summary>
public sealed class FullTextKnowledgeSearch(NpgsqlDataSource dataSource) : IKnowledgeSearch
{
    private const double CategoryBoost = 1.25;

    /// <inheritdoc/>
    public async Task<IReadOnlyList<KnowledgeHit>> SearchAsync(KnowledgeQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (string.IsNullOrWhiteSpace(query.Text))
        {
            return [];
        }

        await using var command = dataSource.CreateCommand("""
            WITH q AS (
                SELECT NULLIF(replace(plainto_tsquery('english', $1)::text, '&', '|'), '')::tsquery AS query)
            SELECT c.id, c.document_id, c.title, d.url, c.heading, c.content, c.category,
                   (ts_rank_cd(c.tsv, q.query, 1) * CASE WHEN c.category = $3 THEN $4 ELSE 1 END)::float8 AS score
            FROM kb_chunks c JOIN kb_documents d ON d.id = c.document_id, q
            WHERE q.query IS NOT NULL AND c.tsv @@ q.query
            ORDER BY score DESC, c.id
            LIMIT $2
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = query.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = Math.Clamp(query.Limit, 1, 100) });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.PreferredCategory ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = CategoryBoost });

        var hits = new List<KnowledgeHit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var score = reader.GetDouble(7);
            hits.Add(new KnowledgeHit(
                reader.GetInt64(0),
                reader.GetInt64(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                score,
                score,
                0));
        }
        return hits;
    }
}
