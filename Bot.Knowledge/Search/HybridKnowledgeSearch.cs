using System.Globalization;
using Bot.Knowledge.Embeddings;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Npgsql;
using Pgvector;

namespace Bot.Knowledge.Search;

/// <summary>
/// Hybrid retrieval in one SQL round trip (a prepared statement): the HNSW (cosine) top-N and the full-text top-N (the
/// chunks with the question's rarest words, ranked by Okapi BM25 from the postings in <c>kb_postings</c> and the
/// statistics in <c>kb_terms</c>)
/// fused by a weighted convex combination of normalised scores (or reciprocal rank), with the route's category as a soft
/// boost (or, when asked, a filter) and at most a few chunks per document. Each hit carries the fused score and both method scores (the text
/// score is BM25 divided by the most the question could score, so 0..1); <see cref="KnowledgeHit.Score"/> is the fused one.
/// <c>hnsw.ef_search</c> and <c>hnsw.iterative_scan</c> are set on every connection of the data source (<see cref="SearchSessionSettings"/>).
/// </summary>
public sealed class HybridKnowledgeSearch(
    NpgsqlDataSource dataSource,
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    VectorIndex index,
    IOptions<SearchOptions> options) : IKnowledgeSearch
{
    private string? _sql;

    /// <inheritdoc/>
    public async Task<IReadOnlyList<KnowledgeHit>> SearchAsync(KnowledgeQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var text = StorableText.Clean(query.Text);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        var settings = options.Value;
        var vector = (await embeddings.GenerateAsync([text], cancellationToken: cancellationToken))[0].Vector;

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var search = new NpgsqlCommand(_sql ??= Sql(settings, index.Column), connection);
        search.Parameters.Add(new NpgsqlParameter { Value = text });
        search.Parameters.Add(new NpgsqlParameter { Value = new Vector(vector) });
        search.Parameters.Add(new NpgsqlParameter { Value = settings.VectorWeight });
        search.Parameters.Add(new NpgsqlParameter { Value = settings.TextWeight });
        search.Parameters.Add(new NpgsqlParameter { Value = (double)settings.RrfK });
        search.Parameters.Add(new NpgsqlParameter { Value = (object?)query.PreferredCategory ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        search.Parameters.Add(new NpgsqlParameter { Value = settings.CategoryBoost });
        search.Parameters.Add(new NpgsqlParameter { Value = Math.Clamp(query.Limit, 1, 100) });
        // A text with no known word embeds to zero, whose cosine distance is undefined: use full text alone then.
        search.Parameters.Add(new NpgsqlParameter { Value = HasDirection(vector.Span) });
        search.Parameters.Add(new NpgsqlParameter { Value = settings.Bm25K1 });
        search.Parameters.Add(new NpgsqlParameter { Value = settings.Bm25B });
        search.Parameters.Add(new NpgsqlParameter { Value = settings.TitleTermWeight });
        search.Parameters.Add(new NpgsqlParameter { Value = settings.HeadingTermWeight });
        search.Parameters.Add(new NpgsqlParameter { Value = settings.Fusion == SearchFusion.Convex });
        search.Parameters.Add(new NpgsqlParameter { Value = Math.Clamp(query.MaxPerDocument ?? settings.MaxChunksPerDocument, 1, 100) });
        search.Parameters.Add(new NpgsqlParameter { Value = settings.TitleMatchWeight });
        search.Parameters.Add(new NpgsqlParameter { Value = (object?)StorableText.CleanOrNull(query.Category) ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        // Prepared once per pooled connection (Npgsql keeps it): planning this statement costs more than running it,
        // and with the candidate counts written into the SQL the server's generic plan is the same as a custom one.
        await search.PrepareAsync(cancellationToken);

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
                reader.GetDouble(8),
                reader.IsDBNull(10) ? null : reader.GetInt32(10),
                reader.IsDBNull(11) ? null : reader.GetInt32(11)));
        }
        return hits;
    }

    /// <summary>
    /// The statement, with the candidate counts as literals (they size every step, so the planner must see them even
    /// in a generic plan) and everything that varies per question as parameters.
    /// </summary>
    private static string Sql(SearchOptions settings, string column)
    {
        var candidates = settings.Candidates.ToString(CultureInfo.InvariantCulture);
        var cap = settings.FullTextCandidateCap.ToString(CultureInfo.InvariantCulture);
        var matchTerms = settings.FullTextMatchTerms.ToString(CultureInfo.InvariantCulture);
        return $"""
            WITH terms AS (
                SELECT DISTINCT t.lexeme FROM unnest(to_tsvector('english', $1)) AS t LIMIT 12),
            totals AS (
                SELECT GREATEST(chunks, 1)::float8 AS n, GREATEST(lexemes::float8 / GREATEST(chunks, 1), 1) AS avglen
                FROM kb_term_totals),
            idf AS (
                -- A word the knowledge base never uses gets the highest weight: it cannot match, but it counts in
                -- how much of the question a passage covers.
                SELECT t.lexeme, k.chunks IS NOT NULL AS known, k.chunks,
                       ln(1 + (totals.n - COALESCE(k.chunks, 0) + 0.5) / (COALESCE(k.chunks, 0) + 0.5)) AS idf
                FROM terms t LEFT JOIN kb_terms k ON k.lexeme = t.lexeme, totals),
            q AS (
                -- The question's rarest known words: the rarest always, then the next rarest while together they occur
                -- in at most {cap} chunks, at most {matchTerms} words. BM25 below scores every known word of the question.
                SELECT array_agg(lexeme) AS rare, (SELECT array_agg(lexeme) FROM idf WHERE known) AS words
                FROM (SELECT lexeme, row_number() OVER w AS n, sum(chunks) OVER w AS running
                      FROM idf WHERE known
                      WINDOW w AS (ORDER BY chunks, lexeme)) rare
                WHERE n = 1 OR (n <= {matchTerms} AND running <= {cap})),
            vec AS (
                SELECT c.id, 1 - ({column} <=> $2) AS similarity
                FROM kb_chunks c
                -- With a category filter, hnsw.iterative_scan lets the index scan go on past ef_search rows.
                WHERE c.embedding IS NOT NULL AND $9 AND ($17::text IS NULL OR c.category = $17)
                ORDER BY {column} <=> $2
                LIMIT {candidates}),
            found AS (
                -- The candidates: the chunks with any of the rare words, from their postings alone (at most {cap}: only
                -- the rarest word alone can occur in more, and then its first {cap} chunks are taken).
                SELECT DISTINCT p.chunk_id AS id
                FROM q, unnest(q.rare) AS r(lexeme)
                CROSS JOIN LATERAL (
                    SELECT p.chunk_id FROM kb_postings p
                    WHERE p.lexeme = r.lexeme
                      AND ($17::text IS NULL OR EXISTS (SELECT 1 FROM kb_chunks c WHERE c.id = p.chunk_id AND c.category = $17))
                    ORDER BY p.chunk_id LIMIT {cap}) p),
            bm25 AS (
                -- Okapi BM25 over every candidate from the postings of the question's words in it (an index-only probe
                -- per candidate; OFFSET 0 keeps it one, rather than reading every posting of the common words); a word
                -- in the title counts $12 times, in the headings $13 times.
                SELECT f.id,
                       sum(idf.idf * tf.tf * ($10 + 1) / (tf.tf + $10 * (1 - $11 + $11 * p.chunk_terms / totals.avglen))) AS score,
                       COALESCE(sum(idf.idf) FILTER (WHERE p.title_tf > 0), 0) AS title_idf
                FROM found f
                CROSS JOIN q
                CROSS JOIN LATERAL (
                    SELECT p.lexeme, p.title_tf, p.heading_tf, p.body_tf, p.chunk_terms
                    FROM kb_postings p WHERE p.lexeme = ANY (q.words) AND p.chunk_id = f.id OFFSET 0) p
                JOIN idf ON idf.lexeme = p.lexeme
                CROSS JOIN LATERAL (SELECT (p.title_tf * $12 + p.heading_tf * $13 + p.body_tf)::float8 AS tf) tf
                CROSS JOIN totals
                GROUP BY f.id),
            txt AS (
                -- Normalised by the most a chunk could score for this question (every word, saturated), so 0..1.
                -- A share of it is how much of the question the chunk's title holds (a title match is the strongest sign).
                SELECT b.id, ((1 - $16) * b.score / NULLIF((SELECT sum(idf) * ($10 + 1) FROM idf), 0)
                              + $16 * b.title_idf / NULLIF((SELECT sum(idf) FROM idf), 0)) AS score
                FROM bm25 b ORDER BY score DESC, b.id LIMIT {candidates}),
            fused AS (
                SELECT COALESCE(vec.id, txt.id) AS id,
                       CASE WHEN $14 THEN
                           -- Convex combination of min-max normalised scores (Bruch et al., 2023).
                           $3 * COALESCE((vec.similarity - (SELECT min(similarity) FROM vec)) / NULLIF((SELECT max(similarity) - min(similarity) FROM vec), 0), 0)
                           + $4 * COALESCE(txt.score / NULLIF((SELECT max(score) FROM txt), 0), 0)
                       ELSE
                           COALESCE($3 / ($5 + vec.rank), 0) + COALESCE($4 / ($5 + txt.rank), 0)
                       END AS score,
                       COALESCE(vec.similarity, 0) AS similarity,
                       COALESCE(txt.score, 0) AS text_score,
                       vec.rank AS vector_rank, txt.rank AS text_rank
                FROM (SELECT *, row_number() OVER (ORDER BY similarity DESC, id) AS rank FROM vec) vec
                FULL OUTER JOIN (SELECT *, row_number() OVER (ORDER BY score DESC, id) AS rank FROM txt) txt ON vec.id = txt.id),
            ranked AS (
                SELECT c.id, c.document_id, (f.score * CASE WHEN c.category = $6 THEN $7 ELSE 1 END)::float8 AS score,
                       f.similarity, f.text_score, f.vector_rank, f.text_rank
                FROM fused f JOIN kb_chunks c ON c.id = f.id),
            diverse AS (
                SELECT r.*, row_number() OVER (PARTITION BY r.document_id ORDER BY r.score DESC, r.id) AS in_document
                FROM ranked r),
            best AS (
                -- Only the passages returned are read in full.
                SELECT r.* FROM diverse r WHERE r.in_document <= $15 ORDER BY r.score DESC, r.id LIMIT $8)
            SELECT c.id, c.document_id, c.title, d.url, c.heading, c.content, c.category,
                   r.score, r.similarity::float8, r.text_score::float8, r.text_rank::int4, r.vector_rank::int4
            FROM best r
            JOIN kb_chunks c ON c.id = r.id
            JOIN kb_documents d ON d.id = c.document_id
            ORDER BY r.score DESC, c.id
            """;
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
