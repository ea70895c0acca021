namespace Bot.Knowledge.Embeddings;

/// <summary>
/// Smooth inverse frequency (Arora, Liang and Ma, "A Simple but Tough-to-Beat Baseline for Sentence Embeddings",
/// ICLR 2017): a word's weight is a / (a + p(w)), and the sentence vectors' first principal component, the part
/// every sentence shares, is removed. Builds a <see cref="GloveSifModel"/> from a vocabulary ordered by frequency.
/// </summary>
public static class SifWeighting
{
    /// <summary>The smoothing constant the paper recommends (weights of frequent words fall, rare ones stay near 1).</summary>
    public const float DefaultA = 1e-3f;

    /// <summary>The sentence length the expected sentence vectors are taken over when computing the common component.</summary>
    public const int DefaultSentenceLength = 10;

    /// <summary>
    /// The unigram probability of the word at <paramref name="rank"/> (1 = most frequent) in a vocabulary of
    /// <paramref name="vocabularySize"/> words by Zipf's law: p(r) = 1 / (r H(N)), H the harmonic number.
    /// GloVe's vocabulary is ordered by corpus frequency but carries no counts, and Zipf's law fits such corpora
    /// well in the range where the weight matters (p near a).
    /// </summary>
    public static double ZipfProbability(int rank, int vocabularySize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rank, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(vocabularySize, rank);
        return 1.0 / (rank * Harmonic(vocabularySize));
    }

    /// <summary>a / (a + p).</summary>
    public static float Weight(double probability, double a = DefaultA) => (float)(a / (a + probability));

    /// <summary>
    /// Builds the model: Zipf probabilities from the order of <paramref name="wordsByFrequency"/>, SIF weights, and
    /// the common component (<see cref="CommonComponent"/>) over the words <see cref="WordTokenizer"/> can produce.
    /// </summary>
    public static GloveSifModel Build(
        IReadOnlyList<string> wordsByFrequency, ReadOnlySpan<float> vectors, int dimensions,
        float a = DefaultA, GloveSifElementType elementType = GloveSifElementType.Float16, int sentenceLength = DefaultSentenceLength)
    {
        ArgumentNullException.ThrowIfNull(wordsByFrequency);
        var count = wordsByFrequency.Count;
        var probabilities = new double[count];
        var weights = new float[count];
        var harmonic = Harmonic(count);
        for (var i = 0; i < count; i++)
        {
            probabilities[i] = 1.0 / ((i + 1) * harmonic);
            weights[i] = Weight(probabilities[i], a);
        }
        var include = new bool[count];
        for (var i = 0; i < count; i++)
        {
            include[i] = IsWholeWord(wordsByFrequency[i]);
        }
        var component = CommonComponent(vectors, dimensions, weights, probabilities, include, sentenceLength);
        return GloveSifModel.Create(wordsByFrequency, vectors, dimensions, weights, component, a, elementType);
    }

    /// <summary>
    /// The first principal component of SIF sentence vectors, computed exactly instead of from a sample: for sentences
    /// of <paramref name="sentenceLength"/> words drawn from the unigram distribution q (p restricted to the
    /// <paramref name="include"/>d words), the sentence vector is the mean of x = weight(w) v(w), and its uncentred
    /// second moment is E[x xᵀ] / n + (1 - 1/n) μ μᵀ with μ = E[x]. Its top eigenvector (power iteration) is what
    /// the paper's truncated SVD over a large sample of such sentences converges to. Returns a unit vector.
    /// </summary>
    public static float[] CommonComponent(
        ReadOnlySpan<float> vectors, int dimensions, ReadOnlySpan<float> weights, ReadOnlySpan<double> probabilities,
        ReadOnlySpan<bool> include, int sentenceLength = DefaultSentenceLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sentenceLength, 1);
        var count = weights.Length;
        var total = 0.0;
        for (var i = 0; i < count; i++)
        {
            total += include[i] ? probabilities[i] : 0;
        }
        var moment = new double[dimensions * dimensions];
        var mean = new double[dimensions];
        var x = new double[dimensions];
        if (total <= 0)
        {
            return new float[dimensions];
        }
        for (var i = 0; i < count; i++)
        {
            if (!include[i])
            {
                continue;
            }
            var q = probabilities[i] / total;
            var row = vectors.Slice(i * dimensions, dimensions);
            for (var d = 0; d < dimensions; d++)
            {
                x[d] = weights[i] * (double)row[d];
                mean[d] += q * x[d];
            }
            for (var r = 0; r < dimensions; r++)
            {
                var qx = q * x[r];
                var offset = r * dimensions;
                for (var c = r; c < dimensions; c++)
                {
                    moment[offset + c] += qx * x[c];
                }
            }
        }
        var n = (double)sentenceLength;
        for (var r = 0; r < dimensions; r++)
        {
            for (var c = r; c < dimensions; c++)
            {
                var value = moment[(r * dimensions) + c] / n + (1 - 1 / n) * mean[r] * mean[c];
                moment[(r * dimensions) + c] = value;
                moment[(c * dimensions) + r] = value;
            }
        }
        return TopEigenvector(moment, dimensions);
    }

    /// <summary>The unit eigenvector of the largest eigenvalue of a symmetric positive semi-definite matrix.</summary>
    internal static float[] TopEigenvector(double[] matrix, int dimensions)
    {
        var v = new double[dimensions];
        var next = new double[dimensions];
        Array.Fill(v, 1 / Math.Sqrt(dimensions));
        for (var iteration = 0; iteration < 10_000; iteration++)
        {
            for (var r = 0; r < dimensions; r++)
            {
                var sum = 0.0;
                for (var c = 0; c < dimensions; c++)
                {
                    sum += matrix[(r * dimensions) + c] * v[c];
                }
                next[r] = sum;
            }
            var norm = Math.Sqrt(next.Sum(e => e * e));
            if (norm == 0)
            {
                return new float[dimensions];
            }
            var change = 0.0;
            for (var d = 0; d < dimensions; d++)
            {
                next[d] /= norm;
                change = Math.Max(change, Math.Abs(next[d] - v[d]));
            }
            (v, next) = (next, v);
            if (change < 1e-12)
            {
                break;
            }
        }
        // A fixed sign makes the stored component reproducible (removal does not depend on it).
        var largest = 0;
        for (var d = 1; d < dimensions; d++)
        {
            largest = Math.Abs(v[d]) > Math.Abs(v[largest]) ? d : largest;
        }
        var sign = v[largest] < 0 ? -1.0 : 1.0;
        return v.Select(e => (float)(sign * e)).ToArray();
    }

    /// <summary>True when <see cref="WordTokenizer"/> returns exactly this word for it (punctuation entries are not).</summary>
    internal static bool IsWholeWord(string word)
    {
        Span<char> buffer = stackalloc char[WordTokenizer.MaxWordLength];
        var tokens = new WordTokenizer(word, buffer);
        return tokens.MoveNext() && tokens.Current.SequenceEqual(word) && !tokens.MoveNext();
    }

    private static double Harmonic(int n)
    {
        var sum = 0.0;
        for (var k = n; k >= 1; k--)
        {
            sum += 1.0 / k;
        }
        return sum;
    }
}
