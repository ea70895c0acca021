using System.Numerics.Tensors;
using Bot.Knowledge.Embeddings;
using Microsoft.Extensions.AI;

namespace Bot.Knowledge.Learning;

/// <summary>
/// How close a customer's question is to a learned question and its approved answer:
/// <c>QuestionWeight × cos(question) + AnswerWeight × cos(answer) + QuestionWordWeight × containment(question words)
/// + AnswerWordWeight × containment(question and answer words)</c>.
/// Containment is the share of the customer's content words found in the learned text, each
/// word weighted by its rarity (its SIF weight) and counted fully when its stem is there, else by its nearest word's
/// cosine in the word vectors ("ubuntu" finds "linux", "saturday" finds "weekend"). With an embedder that has no word
/// vectors (the lexical fallback), only exact stems count.
/// </summary>
public sealed class QuestionMatcher
{
    private readonly GloveSifModel? _words;
    private readonly LearningOptions _options;
    private readonly Dictionary<string, float[]?> _vectors = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public QuestionMatcher(IEmbeddingGenerator<string, Embedding<float>> embeddings, LearningOptions options)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        _words = embeddings.GetService<GloveSifModel>();
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <summary>True when word vectors are there for soft matching.</summary>
    public bool HasWordVectors => _words is not null;

    /// <summary>The customer's question, prepared once for scoring against many candidates.</summary>
    public Probe Prepare(string question)
    {
        var words = QuestionTerms.Words(question);
        return new Probe(words, words.Select(QuestionTerms.Stem).ToArray(), words.Select(WeightOf).ToArray());
    }

    /// <summary>The combined similarity (0..1).</summary>
    /// <param name="probe">The customer's question, from <see cref="Prepare"/>.</param>
    /// <param name="questionCosine">Cosine between its embedding and the learned question's.</param>
    /// <param name="answerCosine">Cosine between its embedding and the approved answer's (0 when unknown).</param>
    /// <param name="questionWords">The content words of the learned question (<see cref="QuestionTerms.Words"/>).</param>
    /// <param name="answerWords">The content words of the learned question and its answer together.</param>
    public double Score(Probe probe, double questionCosine, double answerCosine, IReadOnlyList<string> questionWords, IReadOnlyList<string> answerWords)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(questionWords);
        ArgumentNullException.ThrowIfNull(answerWords);
        var score = _options.QuestionWeight * Math.Max(0, questionCosine)
            + _options.AnswerWeight * Math.Max(0, answerCosine)
            + _options.QuestionWordWeight * Containment(probe, questionWords)
            + _options.AnswerWordWeight * Containment(probe, answerWords);
        return Math.Clamp(score, 0, 1);
    }

    private double Containment(Probe probe, IReadOnlyList<string> candidate)
    {
        if (probe.Words.Length == 0 || candidate.Count == 0)
        {
            return 0;
        }
        var stems = candidate.Select(QuestionTerms.Stem).ToHashSet(StringComparer.Ordinal);
        double matched = 0;
        double total = 0;
        for (var i = 0; i < probe.Words.Length; i++)
        {
            total += probe.Weights[i];
            if (stems.Contains(probe.Stems[i]))
            {
                matched += probe.Weights[i];
                continue;
            }
            if (VectorOf(probe.Words[i]) is not { } vector)
            {
                continue;
            }
            var best = 0f;
            foreach (var word in candidate)
            {
                if (VectorOf(word) is { } other)
                {
                    best = Math.Max(best, TensorPrimitives.Dot(vector, other));
                }
            }
            matched += probe.Weights[i] * best;
        }
        return total == 0 ? 0 : matched / total;
    }

    private double WeightOf(string word)
    {
        if (_words is null)
        {
            return 1;
        }
        var index = _words.IndexOf(word);
        return index < 0 ? 1 : _words.Weight(index);
    }

    /// <summary>The unit word vector, or null when there are no word vectors or the word is unknown.</summary>
    private float[]? VectorOf(string word)
    {
        if (_words is null)
        {
            return null;
        }
        lock (_lock)
        {
            if (_vectors.TryGetValue(word, out var cached))
            {
                return cached;
            }
        }
        float[]? vector = null;
        var index = _words.IndexOf(word);
        if (index >= 0)
        {
            vector = new float[_words.Dimensions];
            _words.CopyVector(index, vector);
            var norm = TensorPrimitives.Norm(vector);
            if (norm > 0)
            {
                TensorPrimitives.Divide(vector, norm, vector);
            }
        }
        lock (_lock)
        {
            if (_vectors.Count > 100_000)
            {
                _vectors.Clear();
            }
            _vectors[word] = vector;
        }
        return vector;
    }

    /// <summary>A question's content words, their stems and weights.</summary>
    public sealed record Probe(string[] Words, string[] Stems, double[] Weights);
}
