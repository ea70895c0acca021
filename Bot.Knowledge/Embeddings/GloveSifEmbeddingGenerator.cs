using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace Bot.Knowledge.Embeddings;

/// <summary>
/// Sentence embeddings from GloVe word vectors with SIF weighting: the weighted average of the known words' vectors,
/// minus its projection on the common component, L2-normalised. Text with no known word gives the zero vector.
/// Stateless over an immutable <see cref="GloveSifModel"/>, so thread-safe; a chunk takes microseconds.
/// </summary>
public sealed class GloveSifEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly EmbeddingGeneratorMetadata _metadata;

    public GloveSifEmbeddingGenerator(GloveSifModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        Name = $"glove-sif-{model.Dimensions}d";
        _metadata = new EmbeddingGeneratorMetadata("glove-sif", null, Name, model.Dimensions);
    }

    /// <summary>The model, e.g. for its dimensions.</summary>
    public GloveSifModel Model { get; }

    /// <summary>The embedder's name, <c>glove-sif-100d</c> for the default file.</summary>
    public string Name { get; }

    /// <summary>A generator over the file at <paramref name="path"/>, loaded once per process (<see cref="GloveSifModel.LoadShared"/>).</summary>
    public static GloveSifEmbeddingGenerator Load(string path) => new(GloveSifModel.LoadShared(path));

    /// <inheritdoc/>
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new GeneratedEmbeddings<Embedding<float>>();
        var created = DateTimeOffset.UtcNow;
        foreach (var value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var vector = new float[Model.Dimensions];
            Embed(value, vector);
            result.Add(new Embedding<float>(vector) { ModelId = Name, CreatedAt = created });
        }
        return Task.FromResult(result);
    }

    /// <summary>Writes the embedding of <paramref name="text"/> into <paramref name="destination"/> (length <see cref="GloveSifModel.Dimensions"/>).</summary>
    public void Embed(ReadOnlySpan<char> text, Span<float> destination)
    {
        var dimensions = Model.Dimensions;
        if (destination.Length != dimensions)
        {
            throw new ArgumentException($"The destination needs {dimensions} values.", nameof(destination));
        }
        destination.Clear();
        Span<float> scratch = dimensions <= 512 ? stackalloc float[dimensions] : new float[dimensions];
        Span<char> buffer = stackalloc char[WordTokenizer.MaxWordLength];
        Span<char> work = stackalloc char[WordTokenizer.MaxWordLength + 4];
        var known = 0;
        foreach (var word in new WordTokenizer(text, buffer))
        {
            known += AddWord(word, destination, scratch, work, depth: 0);
        }
        if (known == 0)
        {
            return;
        }

        var component = Model.CommonComponent;
        var projection = TensorPrimitives.Dot(destination, component);
        TensorPrimitives.MultiplyAdd(component, -projection, destination, destination);
        Normalize(destination);
    }

    /// <summary>Scales <paramref name="vector"/> to unit length; a (near) zero vector becomes exactly zero, never NaN.</summary>
    internal static void Normalize(Span<float> vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 1e-12f && float.IsFinite(norm))
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
        else
        {
            vector.Clear();
        }
    }

    /// <summary>Adds a word, or when it is unknown the parts that are known: contractions, hyphenated and accented words.</summary>
    private int AddWord(ReadOnlySpan<char> word, Span<float> accumulator, Span<float> scratch, Span<char> work, int depth)
    {
        var index = Model.IndexOf(word);
        if (index >= 0)
        {
            Model.AddScaled(index, Model.Weight(index), accumulator, scratch);
            return 1;
        }
        if (depth > 2 || word.IsEmpty)
        {
            return 0;
        }

        if (word.Contains('-'))
        {
            var added = 0;
            foreach (var range in word.Split('-'))
            {
                added += AddWord(word[range], accumulator, scratch, work, depth + 1);
            }
            return added;
        }

        var apostrophe = word.IndexOf('\'');
        if (apostrophe >= 0)
        {
            return AddContraction(word, apostrophe, accumulator, scratch, work, depth);
        }

        if (work.Length >= word.Length && FoldDiacritics(word, work[..word.Length]))
        {
            return AddWord(work[..word.Length], accumulator, scratch, work[word.Length..], depth + 1);
        }
        return 0;
    }

    private int AddContraction(ReadOnlySpan<char> word, int apostrophe, Span<float> accumulator, Span<float> scratch, Span<char> work, int depth)
    {
        // GloVe's tokenizer split "don't" into "do" + "n't" and "it's" into "it" + "'s"; the clitics are not in this
        // vocabulary, so "n't" becomes "not" and the other clitics (frequent, near-zero SIF weight anyway) are dropped.
        if (word.EndsWith("n't", StringComparison.Ordinal) && word.Length > 3 && apostrophe == word.Length - 2)
        {
            var stem = word[..^3];
            stem = stem switch
            {
                "ca" => "can",
                "wo" => "will",
                "sha" => "shall",
                _ => stem,
            };
            return AddWord(stem, accumulator, scratch, work, depth + 1) + AddWord("not", accumulator, scratch, work, depth + 1);
        }
        var clitic = word[apostrophe..];
        if (apostrophe > 0 && clitic is "'s" or "'d" or "'m" or "'re" or "'ve" or "'ll")
        {
            return AddWord(word[..apostrophe], accumulator, scratch, work, depth + 1);
        }

        // o'brien -> obrien when known, else its parts.
        var joined = work[..Math.Min(work.Length, word.Length - word.Count('\''))];
        var length = 0;
        foreach (var c in word)
        {
            if (c != '\'' && length < joined.Length)
            {
                joined[length++] = c;
            }
        }
        var index = Model.IndexOf(joined);
        if (index >= 0)
        {
            Model.AddScaled(index, Model.Weight(index), accumulator, scratch);
            return 1;
        }
        var added = 0;
        foreach (var range in word.Split('\''))
        {
            added += AddWord(word[range], accumulator, scratch, work, depth + 1);
        }
        return added;
    }

    /// <summary>Maps common Latin accented letters to ASCII (GloVe 6B is mostly unaccented); false when nothing changed.</summary>
    private static bool FoldDiacritics(ReadOnlySpan<char> word, Span<char> destination)
    {
        var changed = false;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            var folded = c switch
            {
                >= 'à' and <= 'å' => 'a',
                'ç' => 'c',
                >= 'è' and <= 'ë' => 'e',
                >= 'ì' and <= 'ï' => 'i',
                'ñ' => 'n',
                >= 'ò' and <= 'ö' or 'ø' => 'o',
                >= 'ù' and <= 'ü' => 'u',
                'ý' or 'ÿ' => 'y',
                _ => c,
            };
            changed |= folded != c;
            destination[i] = folded;
        }
        return changed;
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : serviceType == typeof(GloveSifModel) ? Model
            : null;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        // The model is shared and managed memory only.
    }
}
