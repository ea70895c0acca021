using System.Numerics.Tensors;
using Bot.Knowledge.Embeddings;
using Microsoft.Extensions.AI;

namespace Bot.Knowledge.Learning;

/// <summary>
/// How close a customer's question is to a learned question and its approved answer: the weighted mean of
/// <c>cos(question)</c>, <c>cos(answer)</c>, <c>containment(question words)</c>, <c>containment(question and answer words)</c>
/// and, when both sides have one, the agreement of where the knowledge base leads them (<see cref="RetrievalAnchors"/>),
/// with the weights in <see cref="LearningOptions"/>.
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

    /// <summary>The weighted mean of the features (see <see cref="Features"/>), 0..1.</summary>
    public double Score(MatchFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var score = _options.QuestionWeight * features.QuestionCosine
            + _options.AnswerWeight * features.AnswerCosine
            + _options.QuestionWordWeight * features.QuestionWords
            + _options.AnswerWordWeight * features.AnswerWords;
        var weights = _options.QuestionWeight + _options.AnswerWeight + _options.QuestionWordWeight + _options.AnswerWordWeight;
        if (features.Agreement is { } anchors)
        {
            score += _options.AnchorWeight * anchors;
            weights += _options.AnchorWeight;
        }
        return weights <= 0 ? 0 : Math.Clamp(score / weights, 0, 1);
    }

    /// <summary>What <see cref="Score(MatchFeatures)"/> combines, each 0..1.</summary>
    /// <param name="probe">The customer's question, from <see cref="Prepare"/>.</param>
    /// <param name="questionCosine">Cosine between its embedding and the learned question's.</param>
    /// <param name="answerCosine">Cosine between its embedding and the approved answer's (0 when unknown).</param>
    /// <param name="questionWords">The content words of the learned question (<see cref="QuestionTerms.Words"/>).</param>
    /// <param name="answerWords">The content words of the learned question and its answer together.</param>
    /// <param name="agreement">
    /// The cosine of both questions' <see cref="RetrievalAnchors"/>, or null when either has none (no knowledge base,
    /// or a learned answer not anchored yet): then the mean leaves it out.
    /// </param>
    public MatchFeatures Features(
        Probe probe, double questionCosine, double answerCosine, IReadOnlyList<string> questionWords, IReadOnlyList<string> answerWords,
        double? agreement)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(questionWords);
        ArgumentNullException.ThrowIfNull(answerWords);
        return new MatchFeatures(
            Math.Max(0, questionCosine),
            Math.Max(0, answerCosine),
            Containment(probe, questionWords),
            Containment(probe, answerWords),
            agreement is { } value ? Math.Clamp(value, 0, 1) : null);
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
