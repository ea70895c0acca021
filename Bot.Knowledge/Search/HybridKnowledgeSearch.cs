using Bot.Knowledge.Embeddings;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Npgsql;
using Pgvector;

namespace Bot.Knowledge.Search;

/// <summary>
/// Hybrid retrieval in one SQL round trip: the HNSW (cosine) top-N and the full-text top-N (stored weighted
/// <c>tsvector</c>, OR-query, <c>ts_rank_cd</c>) fused by weighted reciprocal rank, with the route's category as a
/// soft boost. Each hit carries the fused score and both method scores; <see cref="KnowledgeHit.Score"/> is the fused one.
/// <c>hnsw.ef_search</c> is set on every connection of the data source (<see cref="SearchOptions.EfSearch"/>).
/// </summary>
public sealed class HybridKnowledgeSearch(
    NpgsqlDataSource dataSource,
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    VectorIndex index,
    IOptions<SearchOptions> options) : IKnowledgeSearch
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<KnowledgeHit>> SearchAsync(KnowledgeQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (string.IsNullOrWhiteSpace(query.Text))
        {
            return [];
        }
        var settings = options.Value;
        var vector = (await embeddings.GenerateAsync([query.Text], cancellationToken: cancellationToken))[0].Vector;
        var column = index.Column;

        await using var search = dataSource.CreateCommand($"""
            WITH terms AS (
                SELECT DISTINCT t.lexeme FROM unnest(to_tsvector('english', $1)) AS t LIMIT 8),
            q AS (
                -- Any two of the question's words together (or its only word): selective enough for the GIN index
                -- at a million chunks, yet forgiving of the filler words customers add.
                SELECT CASE WHEN (SELECT count(*) FROM terms) = 1
                            THEN (SELECT to_tsquery('simple', quote_literal(lexeme)) FROM terms)
                            ELSE (SELECT to_tsquery('simple', string_agg(format('(%s & %s)', quote_literal(a.lexeme), quote_literal(b.lexeme)), ' | '))
                                  FROM terms a JOIN terms b ON a.lexeme < b.lexeme)
                       END AS query),
            vec AS (
                SELECT c.id, row_number() OVER (ORDER BY {column} <=> $2) AS rank, 1 - ({column} <=> $2) AS similarity
                FROM kb_chunks c
                WHERE c.embedding IS NOT NULL AND $10
                ORDER BY {column} <=> $2
                LIMIT $3),
            matches AS (
                SELECT c.id, c.tsv FROM kb_chunks c, q
                WHERE q.query IS NOT NULL AND c.tsv @@ q.query
                LIMIT $11),
            txt AS (
                SELECT m.id, row_number() OVER (ORDER BY ts_rank_cd(m.tsv, q.query, 1) DESC, m.id) AS rank,
                       ts_rank_cd(m.tsv, q.query, 1) AS rank_score
                FROM matches m, q
                ORDER BY rank_score DESC, m.id
                LIMIT $3),
            fused AS (
                SELECT COALESCE(vec.id, txt.id) AS id,
                       COALESCE($4 / ($6 + vec.rank), 0) + COALESCE($5 / ($6 + txt.rank), 0) AS score,
                       COALESCE(vec.similarity, 0) AS similarity,
                       COALESCE(txt.rank_score, 0) AS text_score
                FROM vec FULL OUTER JOIN txt ON vec.id = txt.id)
            SELECT c.id, c.document_id, c.title, d.url, c.heading, c.content, c.category,
                   (f.score * CASE WHEN c.category = $7 THEN $8 ELSE 1 END)::float8 AS score,
                   f.similarity::float8, f.text_score::float8
            FROM fused f
            JOIN kb_chunks c ON c.id = f.id
            JOIN kb_documents d ON d.id = c.document_id
            ORDER BY score DESC, c.id
            LIMIT $9
            """);
        search.Parameters.Add(new NpgsqlParameter { Value = query.Text });
        search.Parameters.Add(new NpgsqlParameter { Value = new Vector(vector) });
        search.Parameters.Add(new NpgsqlParameter { Value = settings.Candidates });
        search.Parameters.Add(new NpgsqlParameter { Value = settings.VectorWeight });
        search.Parameters.Add(new NpgsqlParameter { Value = settings.TextWeight });
        search.Parameters.Add(new NpgsqlParameter { Value = (double)settings.RrfK });
        search.Parameters.Add(new NpgsqlParameter { Value = (object?)query.PreferredCategory ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        search.Parameters.Add(new NpgsqlParameter { Value = settings.CategoryBoost });
        search.Parameters.Add(new NpgsqlParameter { Value = Math.Clamp(query.Limit, 1, 100) });
        // A text with no known word embeds to zero, whose cosine distance is undefined: use full text alone then.
        search.Parameters.Add(new NpgsqlParameter { Value = HasDirection(vector.Span) });
        search.Parameters.Add(new NpgsqlParameter { Value = settings.FullTextCandidateCap });

        var hits = new List<KnowledgeHit>();
        await using var reader = await search.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hits.Add(new KnowledgeHit(
                reader.GetInt64(0),
                reader.GetInt64(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.GetDouble(7),
                reader.GetDouble(9),
                reader.GetDouble(8)));
        }
        return hits;
    }

    private static bool HasDirection(ReadOnlySpan<float> vector)
    {
        foreach (var value in vector)
        {
            if (value != 0)
            {
                return true;
            }
        }
        return false;
    }
}
