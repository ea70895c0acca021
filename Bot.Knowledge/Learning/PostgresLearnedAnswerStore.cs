using System.Text.RegularExpressions;
using Bot.Knowledge.Embeddings;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Pgvector;

namespace Bot.Knowledge.Learning;

/// <summary>
/// Learned answers in <c>learned_answers</c>. The nearest entries by embedding (question and answer) and every entry
/// sharing a content word are rescored by <see cref="QuestionMatcher"/> (embeddings combined with word containment);
/// the best one at or above the threshold wins. Rows embedded by another embedder than the active one are re-embedded
/// on first use.
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
    private volatile bool _embedderChecked;

    public PostgresLearnedAnswerStore(
        NpgsqlDataSource dataSource,
        IEmbeddingGenerator<string, Embedding<float>> embeddings,
        EmbedderInfo embedder,
        IOptions<LearningOptions> options,
        ILogger<PostgresLearnedAnswerStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _dataSource = dataSource;
        _embeddings = embeddings;
        _embedder = embedder;
        _options = options.Value;
        _matcher = new QuestionMatcher(embeddings, _options);
        _logger = logger;
    }

    /// <summary>The similarity a match needs with the active embedder.</summary>
    public double Threshold => _embedder.IsSemantic ? _options.MatchThreshold : _options.LexicalMatchThreshold;

    /// <inheritdoc/>
    public async Task<LearnedAnswerMatch?> FindAsync(string question, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            return null;
        }
        question = Clip(question, MaxQuestionLength);
        var probe = _matcher.Prepare(question);
        if (probe.Words.Length == 0)
        {
            return null;
        }
        await EnsureEmbedderAsync(cancellationToken);
        var vector = await EmbedAsync(question, cancellationToken);

        await using var command = _dataSource.CreateCommand("""
            WITH scored AS (
                SELECT id, (1 - (embedding <=> $1))::float8 AS question_cosine, (1 - (answer_embedding <=> $1))::float8 AS answer_cosine
                FROM learned_answers
                WHERE embedder = $2)
            SELECT l.id, l.question, l.answer, l.route, l.words, s.question_cosine, s.answer_cosine, l.question_words
            FROM scored s
            JOIN learned_answers l ON l.id = s.id
            WHERE s.id IN (SELECT id FROM scored ORDER BY question_cosine + answer_cosine DESC LIMIT $3)
               OR l.terms && $4
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = vector });
        command.Parameters.Add(new NpgsqlParameter { Value = _embedder.Name });
        command.Parameters.Add(new NpgsqlParameter { Value = _options.Candidates });
        command.Parameters.Add(new NpgsqlParameter { Value = probe.Stems, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });

        LearnedAnswerMatch? best = null;
        var threshold = Threshold;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var similarity = _matcher.Score(
                probe, reader.GetDouble(5), reader.GetDouble(6), reader.GetFieldValue<string[]>(7), reader.GetFieldValue<string[]>(4));
            if (similarity >= threshold && (best is null || similarity > best.Similarity))
            {
                best = new LearnedAnswerMatch(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    Math.Round(similarity, 4));
            }
        }
        return best;
    }

    /// <inheritdoc/>
    public async Task<long> AddAsync(Correction correction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(correction);
        ArgumentException.ThrowIfNullOrWhiteSpace(correction.Question);
        ArgumentException.ThrowIfNullOrWhiteSpace(correction.Answer);
        await EnsureEmbedderAsync(cancellationToken);
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
                user_id = excluded.user_id, agent_id = excluded.agent_id, updated_at = now()
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
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
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

    /// <summary>Re-embeds learned entries written under another embedder (once per process; the table is small).</summary>
    private async Task EnsureEmbedderAsync(CancellationToken cancellationToken)
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
                "UPDATE learned_answers SET embedding = $2, answer_embedding = $3, embedder = $4 WHERE id = $1");
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
        _embedderChecked = true;
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
