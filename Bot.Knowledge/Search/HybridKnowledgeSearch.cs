using Bot.Knowledge.Embeddings;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Npgsql;
using Pgvector;

namespace Bot.Knowledge.Search;

/// <summary>
/// Hybrid retrieval in one SQL round trip: the HNSW (cosine) top-N and the full-text top-N (stored weighted
/// <c>tsvector</c> matched on the question's rarest words, ranked by Okapi BM25 with the statistics in <c>kb_terms</c>)
/// fused by a weighted convex combination of normalised scores (or reciprocal rank), with the route's category as a soft
/// boost and at most a few chunks per document. Each hit carries the fused score and both method scores (the text
/// score is BM25 divided by the most the question could score, so 0..1); <see cref="KnowledgeHit.Score"/> is the fused one.
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
                -- Chunks with any of the question's rarest known words: the rarest always, then the next rarest while
                -- together they occur in at most $11 chunks (so the candidates are rarely cut short), at most $12 words.
                -- BM25 below scores every word of the question in them.
                SELECT to_tsquery('simple', string_agg(quote_literal(lexeme), ' | ')) AS query,
                       (SELECT array_agg(lexeme) FROM idf WHERE known) AS words
                FROM (SELECT lexeme, row_number() OVER w AS n, sum(chunks) OVER w AS running
                      FROM idf WHERE known
                      WINDOW w AS (ORDER BY chunks, lexeme)) rare
                WHERE n = 1 OR (n <= $12 AND running <= $11)),
            vec AS (
                SELECT c.id, 1 - ({column} <=> $2) AS similarity
                FROM kb_chunks c
                WHERE c.embedding IS NOT NULL AND $10
                ORDER BY {column} <=> $2
                LIMIT $3),
            found AS (
                SELECT c.id, c.tsv FROM kb_chunks c, q
                WHERE q.query IS NOT NULL AND c.tsv @@ q.query
                LIMIT $11),
            matches AS (
                -- BM25 reads every matched chunk's words, so only the best by PostgreSQL's own (cheap) rank get it.
                SELECT f.id, f.tsv, q.words FROM found f, q
                ORDER BY ts_rank(f.tsv, q.query) DESC, f.id
                LIMIT $20),
            bm25 AS (
                -- Okapi BM25 over the matches; a word in the title counts $15 times, in the headings $16 times. Only
                -- the question's words are looked at in each chunk, before any per-word work.
                SELECT m.id,
                       sum(idf.idf * tf.tf * ($13 + 1) / (tf.tf + $13 * (1 - $14 + $14 * length(m.tsv) / totals.avglen))) AS score,
                       COALESCE(sum(idf.idf) FILTER (WHERE tf.in_title), 0) AS title_idf
                FROM matches m
                CROSS JOIN LATERAL (SELECT u.lexeme, u.weights FROM unnest(m.tsv) AS u WHERE u.lexeme = ANY (m.words)) hit
                JOIN idf ON idf.lexeme = hit.lexeme
                CROSS JOIN LATERAL (
                    SELECT sum(CASE w WHEN 'A' THEN $15 WHEN 'B' THEN $16 ELSE 1 END)::float8 AS tf, bool_or(w = 'A') AS in_title
                    FROM unnest(hit.weights) AS w) tf
                CROSS JOIN totals
                GROUP BY m.id),
            txt AS (
                -- Normalised by the most a chunk could score for this question (every word, saturated), so 0..1.
                -- A share of it is how much of the question the chunk's title holds (a title match is the strongest sign).
                SELECT b.id, ((1 - $19) * b.score / NULLIF((SELECT sum(idf) * ($13 + 1) FROM idf), 0)
                              + $19 * b.title_idf / NULLIF((SELECT sum(idf) FROM idf), 0)) AS score
                FROM bm25 b ORDER BY score DESC, b.id LIMIT $3),
            fused AS (
                SELECT COALESCE(vec.id, txt.id) AS id,
                       CASE WHEN $17 THEN
                           -- Convex combination of min-max normalised scores (Bruch et al., 2023).
                           $4 * COALESCE((vec.similarity - (SELECT min(similarity) FROM vec)) / NULLIF((SELECT max(similarity) - min(similarity) FROM vec), 0), 0)
                           + $5 * COALESCE(txt.score / NULLIF((SELECT max(score) FROM txt), 0), 0)
                       ELSE
                           COALESCE($4 / ($6 + vec.rank), 0) + COALESCE($5 / ($6 + txt.rank), 0)
                       END AS score,
                       COALESCE(vec.similarity, 0) AS similarity,
                       COALESCE(txt.score, 0) AS text_score,
                       vec.rank AS vector_rank, txt.rank AS text_rank
                FROM (SELECT *, row_number() OVER (ORDER BY similarity DESC, id) AS rank FROM vec) vec
                FULL OUTER JOIN (SELECT *, row_number() OVER (ORDER BY score DESC, id) AS rank FROM txt) txt ON vec.id = txt.id),
            ranked AS (
                SELECT c.id, c.document_id, (f.score * CASE WHEN c.category = $7 THEN $8 ELSE 1 END)::float8 AS score,
                       f.similarity, f.text_score, f.vector_rank, f.text_rank
                FROM fused f JOIN kb_chunks c ON c.id = f.id),
            diverse AS (
                SELECT r.*, row_number() OVER (PARTITION BY r.document_id ORDER BY r.score DESC, r.id) AS in_document
                FROM ranked r)
            SELECT c.id, c.document_id, c.title, d.url, c.heading, c.content, c.category,
                   r.score, r.similarity::float8, r.text_score::float8, r.text_rank::int4, r.vector_rank::int4
            FROM diverse r
            JOIN kb_chunks c ON c.id = r.id
            JOIN kb_documents d ON d.id = c.document_id
            WHERE r.in_document <= $18
            ORDER BY r.score DESC, c.id
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
        search.Parameters.Add(new NpgsqlParameter { Value = settings.FullTextMatchTerms });
        search.Parameters.Add(new NpgsqlParameter { Value = settings.Bm25K1 });
        search.Parameters.Add(new NpgsqlParameter { Value = settings.Bm25B });
        search.Parameters.Add(new NpgsqlParameter { Value = settings.TitleTermWeight });
        search.Parameters.Add(new NpgsqlParameter { Value = settings.HeadingTermWeight });
        search.Parameters.Add(new NpgsqlParameter { Value = settings.Fusion == SearchFusion.Convex });
        search.Parameters.Add(new NpgsqlParameter { Value = Math.Clamp(query.MaxPerDocument ?? settings.MaxChunksPerDocument, 1, 100) });
        search.Parameters.Add(new NpgsqlParameter { Value = settings.TitleMatchWeight });
        search.Parameters.Add(new NpgsqlParameter { Value = settings.FullTextRerankDepth });

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
