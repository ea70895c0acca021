using System.Text.RegularExpressions;
using Bot.Knowledge.Embeddings;
using Bot.Knowledge.Search;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Pgvector;

namespace Bot.Knowledge.Learning;

/// <summary>
/// Learned answers in <c>learned_answers</c>. The nearest entries by embedding (question and answer) and every entry
/// sharing a content word or a knowledge-base document with the question are rescored by <see cref="QuestionMatcher"/>
/// (embeddings, word containment and retrieval agreement); the best one at or above the threshold wins. Each learned
/// answer is anchored to the documents the knowledge base finds for its question and for its approved answer
/// (<see cref="RetrievalAnchors"/>). Rows embedded by another embedder than the active one are re-embedded, and rows not
/// anchored yet are anchored, on first use.
/// </summary>
public sealed partial class PostgresLearnedAnswerStore : ILearnedAnswerStore
{
    public const int MaxQuestionLength = 1000;
    public const int MaxAnswerLength = 8000;

    private readonly NpgsqlDataSource _dataSource;
    private readonly IEmbeddingGenerator<string, Embedding<float>> _embeddings;
    private readonly EmbedderInfo _embedder;
    private readonly LearningOptions _options;
    private readonly QuestionMatcher _matcher;
    private readonly ILogger<PostgresLearnedAnswerStore> _logger;
    private readonly IKnowledgeSearch? _search;
    private volatile bool _embedderChecked;

    public PostgresLearnedAnswerStore(
        NpgsqlDataSource dataSource,
        IEmbeddingGenerator<string, Embedding<float>> embeddings,
        EmbedderInfo embedder,
        IOptions<LearningOptions> options,
        ILogger<PostgresLearnedAnswerStore> logger,
        IKnowledgeSearch? search = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _dataSource = dataSource;
        _embeddings = embeddings;
        _embedder = embedder;
        _options = options.Value;
        _matcher = new QuestionMatcher(embeddings, _options);
        _logger = logger;
        _search = search;
    }

    /// <summary>The similarity a match needs with the active embedder.</summary>
    public double Threshold => _embedder.IsSemantic ? _options.MatchThreshold : _options.LexicalMatchThreshold;

    /// <inheritdoc/>
    public async Task<LearnedAnswerMatch?> FindAsync(string question, IReadOnlyList<KnowledgeHit> passages, CancellationToken cancellationToken)
    {
        var ranked = await RankAsync(question, passages, 1, cancellationToken);
        return ranked is [{ } best] && best.Similarity >= Threshold ? best : null;
    }

    /// <summary>
    /// The <paramref name="limit"/> learned answers closest to <paramref name="question"/>, best first, whatever their
    /// similarity (the candidates <see cref="FindAsync"/> chooses from).
    /// </summary>
    public async Task<IReadOnlyList<LearnedAnswerMatch>> RankAsync(
        string question, IReadOnlyList<KnowledgeHit> passages, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(passages);
        if (string.IsNullOrWhiteSpace(question))
        {
            return [];
        }
        question = Clip(question, MaxQuestionLength);
        var probe = _matcher.Prepare(question);
        if (probe.Words.Length == 0)
        {
            return [];
        }
        await EnsurePreparedAsync(cancellationToken);
        var vector = await EmbedAsync(question, cancellationToken);
        var anchors = RetrievalAnchors.Of(passages, _options.AnchorDepth);

        // Agreement is null when either side has no anchors, so the matcher leaves it out rather than count it as 0.
        await using var command = _dataSource.CreateCommand("""
            WITH probe AS (
                SELECT d.source, p.weight
                FROM unnest($5::bigint[], $6::float8[]) AS p(document_id, weight)
                JOIN kb_documents d ON d.id = p.document_id),
            scored AS (
                SELECT id, (1 - (embedding <=> $1))::float8 AS question_cosine, (1 - (answer_embedding <=> $1))::float8 AS answer_cosine
                FROM learned_answers
                WHERE embedder = $2)
            SELECT l.id, l.question, l.answer, l.route, l.words, s.question_cosine, s.answer_cosine, l.question_words,
                   CASE WHEN l.anchor_sources IS NULL OR NOT EXISTS (SELECT 1 FROM probe) THEN NULL
                        ELSE COALESCE((SELECT sum(a.weight * p.weight)
                                       FROM unnest(l.anchor_sources, l.anchor_weights) AS a(source, weight)
                                       JOIN probe p ON p.source = a.source), 0)::float8 END AS agreement
            FROM scored s
            JOIN learned_answers l ON l.id = s.id
            WHERE s.id IN (SELECT id FROM scored ORDER BY question_cosine + answer_cosine DESC LIMIT $3)
               OR l.terms && $4
               OR l.anchor_sources && ARRAY(SELECT source FROM probe)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = vector });
        command.Parameters.Add(new NpgsqlParameter { Value = _embedder.Name });
        command.Parameters.Add(new NpgsqlParameter { Value = _options.Candidates });
        command.Parameters.Add(new NpgsqlParameter { Value = probe.Stems, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = anchors.DocumentIds.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = anchors.Weights.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Double });

        var matches = new List<LearnedAnswerMatch>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var features = _matcher.Features(
                probe, reader.GetDouble(5), reader.GetDouble(6), reader.GetFieldValue<string[]>(7), reader.GetFieldValue<string[]>(4),
                reader.IsDBNull(8) ? null : reader.GetDouble(8));
            matches.Add(new LearnedAnswerMatch(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                Math.Round(_matcher.Score(features), 4))
            {
                Features = features,
            });
        }
        return matches.OrderByDescending(m => m.Similarity).ThenBy(m => m.Id).Take(limit).ToList();
    }

    /// <inheritdoc/>
    public async Task<long> AddAsync(Correction correction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(correction);
        ArgumentException.ThrowIfNullOrWhiteSpace(correction.Question);
        ArgumentException.ThrowIfNullOrWhiteSpace(correction.Answer);
        await EnsurePreparedAsync(cancellationToken);
        var question = Clip(correction.Question.Trim(), MaxQuestionLength);
        var answer = Clip(correction.Answer.Trim(), MaxAnswerLength);
        var vectors = await _embeddings.GenerateAsync([question, answer], cancellationToken: cancellationToken);
        var words = Words(question, answer);

        // The conversation and user the corrected answer was given in come from the turn record of its activity, so a
        // privacy erasure of that person also removes what was learned from their question.
        await using var command = _dataSource.CreateCommand("""
            INSERT INTO learned_answers (question, question_key, answer, route, words, terms, embedding, answer_embedding, embedder,
                                         activity_id, conversation_id, user_id, agent_id, question_words)
            SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, t.conversation_id, t.user_id, $11, $12
            FROM (SELECT 1) one
            LEFT JOIN LATERAL (SELECT conversation_id, user_id FROM turns WHERE $10::text IS NOT NULL AND reply_activity_id = $10
                               ORDER BY id DESC LIMIT 1) t ON true
            ON CONFLICT (question_key) DO UPDATE SET
                question = excluded.question, answer = excluded.answer, route = excluded.route, words = excluded.words,
                question_words = excluded.question_words,
                terms = excluded.terms, embedding = excluded.embedding, answer_embedding = excluded.answer_embedding,
                embedder = excluded.embedder, activity_id = excluded.activity_id, conversation_id = excluded.conversation_id,
                user_id = excluded.user_id, agent_id = excluded.agent_id, anchor_sources = NULL, anchor_weights = NULL,
                updated_at = now()
            RETURNING id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = question });
        command.Parameters.Add(new NpgsqlParameter { Value = KeyOf(question) });
        command.Parameters.Add(new NpgsqlParameter { Value = answer });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)correction.Route ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = words, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = Stems(words), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = new Vector(vectors[0].Vector) });
        command.Parameters.Add(new NpgsqlParameter { Value = new Vector(vectors[1].Vector) });
        command.Parameters.Add(new NpgsqlParameter { Value = _embedder.Name });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)correction.ActivityId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)correction.AgentId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = QuestionTerms.Words(question), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        var id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        await AnchorAsync(id, question, answer, correction.Route, cancellationToken);
        return id;
    }

    /// <summary>
    /// Where the knowledge base leads the question and its approved answer (none without a search or an empty
    /// knowledge base). The answer's search finds the article the agent's answer is about even when the question's own
    /// search went astray, which is often why it was corrected.
    /// </summary>
    private async Task AnchorAsync(long id, string question, string answer, string? route, CancellationToken cancellationToken)
    {
        if (_search is null)
        {
            return;
        }
        var depth = _options.AnchorDepth;
        var byQuestion = await _search.SearchAsync(new KnowledgeQuery(question, depth, route, MaxPerDocument: 1), cancellationToken);
        var byAnswer = await _search.SearchAsync(new KnowledgeQuery(answer, depth, route, MaxPerDocument: 1), cancellationToken);
        var anchors = RetrievalAnchors.Combine([byQuestion, byAnswer], depth);
        if (anchors.IsEmpty)
        {
            return;
        }
        await using var command = _dataSource.CreateCommand("""
            UPDATE learned_answers l SET anchor_sources = a.sources, anchor_weights = a.weights
            FROM (SELECT array_agg(d.source ORDER BY p.ordinality) AS sources, array_agg(p.weight::real ORDER BY p.ordinality) AS weights
                  FROM unnest($2::bigint[], $3::float8[]) WITH ORDINALITY AS p(document_id, weight, ordinality)
                  JOIN kb_documents d ON d.id = p.document_id) a
            WHERE l.id = $1 AND a.sources IS NOT NULL
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = anchors.DocumentIds.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = anchors.Weights.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Double });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The question as stored for "same question" detection: lower case, single spaces, no end punctuation.</summary>
    public static string KeyOf(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return Spaces().Replace(question.Trim().ToLowerInvariant(), " ").TrimEnd('?', '!', '.', ' ');
    }

    private static string[] Words(string question, string answer) => QuestionTerms.Words(question + "\n" + answer);

    private static string[] Stems(string[] words) => words.Select(QuestionTerms.Stem).Distinct(StringComparer.Ordinal).ToArray();

    private async Task<Vector> EmbedAsync(string text, CancellationToken cancellationToken) =>
        new((await _embeddings.GenerateAsync([text], cancellationToken: cancellationToken))[0].Vector);

    /// <summary>
    /// Re-embeds learned entries written under another embedder, and anchors entries not anchored yet (once per process;
    /// the table is small).
    /// </summary>
    private async Task EnsurePreparedAsync(CancellationToken cancellationToken)
    {
        if (_embedderChecked)
        {
            return;
        }
        var stale = new List<(long Id, string Question, string Answer)>();
        await using (var select = _dataSource.CreateCommand("SELECT id, question, answer FROM learned_answers WHERE embedder <> $1"))
        {
            select.Parameters.Add(new NpgsqlParameter { Value = _embedder.Name });
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                stale.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
            }
        }
        foreach (var row in stale)
        {
            var vectors = await _embeddings.GenerateAsync([row.Question, row.Answer], cancellationToken: cancellationToken);
            await using var update = _dataSource.CreateCommand(
                "UPDATE learned_answers SET embedding = $2, answer_embedding = $3, embedder = $4, anchor_sources = NULL, anchor_weights = NULL WHERE id = $1");
            update.Parameters.Add(new NpgsqlParameter { Value = row.Id });
            update.Parameters.Add(new NpgsqlParameter { Value = new Vector(vectors[0].Vector) });
            update.Parameters.Add(new NpgsqlParameter { Value = new Vector(vectors[1].Vector) });
            update.Parameters.Add(new NpgsqlParameter { Value = _embedder.Name });
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
        if (stale.Count > 0)
        {
            _logger.LogInformation("Re-embedded {Count} learned answer(s) with {Embedder}", stale.Count, _embedder.Name);
        }
        if (_search is not null)
        {
            var unanchored = new List<(long Id, string Question, string Answer, string? Route)>();
            await using (var select = _dataSource.CreateCommand("SELECT id, question, answer, route FROM learned_answers WHERE anchor_sources IS NULL"))
            await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    unanchored.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
                }
            }
            foreach (var row in unanchored)
            {
                await AnchorAsync(row.Id, row.Question, row.Answer, row.Route, cancellationToken);
            }
        }
        _embedderChecked = true;
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
