using System.Numerics.Tensors;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Microsoft.ML.Tokenizers;

namespace Bot.Knowledge.Embeddings;

/// <summary>
/// A BERT-style sentence transformer (all-MiniLM-L6-v2 or any model with mean pooling) run by ONNX Runtime: WordPiece
/// tokens from the model's <c>vocab.txt</c>, inputs <c>input_ids</c>, <c>attention_mask</c> and, when the model
/// declares it, <c>token_type_ids</c>; the token embeddings (<c>last_hidden_state</c>, or the first output) averaged
/// over the attention mask, L2-normalised. Texts are sorted by length and run in batches to keep padding small.
/// <see cref="InferenceSession.Run(RunOptions, IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue}, IReadOnlyCollection{string})"/>
/// is thread-safe, and the tokenizer is immutable.
/// </summary>
public sealed class OnnxSentenceEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The file names inside a model folder.</summary>
    public const string ModelFileName = "model.onnx";

    /// <inheritdoc cref="ModelFileName"/>
    public const string VocabularyFileName = "vocab.txt";

    private static readonly string[] TokenOutputs = ["last_hidden_state", "token_embeddings"];

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly int _maxSequenceLength;
    private readonly int _batchSize;
    private readonly bool _tokenTypes;
    private readonly bool _int32Inputs;
    private readonly string _outputName;
    private readonly EmbeddingGeneratorMetadata _metadata;
    private int _disposed;

    /// <param name="modelFolder">A folder with <c>model.onnx</c> and <c>vocab.txt</c> (and optionally <c>tokenizer_config.json</c>).</param>
    /// <param name="maxSequenceLength">The longest input in tokens, [CLS] and [SEP] included; longer texts are cut.</param>
    /// <param name="batchSize">How many texts one run embeds at most.</param>
    public OnnxSentenceEmbeddingGenerator(string modelFolder, int maxSequenceLength = 256, int batchSize = 32)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSequenceLength, 3);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var modelPath = Path.Combine(modelFolder, ModelFileName);
        var vocabularyPath = Path.Combine(modelFolder, VocabularyFileName);
        if (!File.Exists(modelPath) || !File.Exists(vocabularyPath))
        {
            throw new FileNotFoundException(
                $"'{modelFolder}' needs {ModelFileName} and {VocabularyFileName} (scripts/fetch-onnx-model.sh downloads all-MiniLM-L6-v2).", modelPath);
        }
        _maxSequenceLength = maxSequenceLength;
        _batchSize = batchSize;
        _tokenizer = BertTokenizer.Create(vocabularyPath, new BertOptions { LowerCaseBeforeTokenization = LowerCase(modelFolder) });

        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        _session = new InferenceSession(modelPath, options);
        try
        {
            var inputs = _session.InputMetadata;
            if (!inputs.TryGetValue("input_ids", out var ids) || !inputs.ContainsKey("attention_mask"))
            {
                throw new InvalidDataException($"'{modelPath}' is not a BERT-style model: it needs the inputs input_ids and attention_mask.");
            }
            _int32Inputs = ids.ElementDataType == TensorElementType.Int32;
            _tokenTypes = inputs.ContainsKey("token_type_ids");
            var outputs = _session.OutputMetadata;
            _outputName = TokenOutputs.FirstOrDefault(outputs.ContainsKey) ?? outputs.Keys.First();
            var dimensions = outputs[_outputName].Dimensions is { Length: > 0 } shape ? shape[^1] : -1;

            Name = "onnx:" + new DirectoryInfo(modelFolder).Name;
            if (dimensions <= 0)
            {
                dimensions = Embed(["dimension probe"])[0].Length;
            }
            Dimensions = dimensions;
            _metadata = new EmbeddingGeneratorMetadata("onnx", new Uri(Path.GetFullPath(modelPath)), Name, Dimensions);
        }
        catch
        {
            _session.Dispose();
            throw;
        }
    }

    /// <summary><c>onnx:</c> and the model folder's name, e.g. <c>onnx:all-MiniLM-L6-v2</c>.</summary>
    public string Name { get; }

    public int Dimensions { get; }

    /// <summary>True when both model files are in <paramref name="modelFolder"/>.</summary>
    public static bool IsModelFolder(string? modelFolder) =>
        !string.IsNullOrWhiteSpace(modelFolder)
        && File.Exists(Path.Combine(modelFolder, ModelFileName))
        && File.Exists(Path.Combine(modelFolder, VocabularyFileName));

    /// <inheritdoc/>
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var vectors = Embed([.. values], cancellationToken);
        var created = DateTimeOffset.UtcNow;
        var result = new GeneratedEmbeddings<Embedding<float>>(vectors.Length);
        foreach (var vector in vectors)
        {
            result.Add(new Embedding<float>(vector) { ModelId = Name, CreatedAt = created });
        }
        return Task.FromResult(result);
    }

    /// <summary>Embeds <paramref name="texts"/>, in their order.</summary>
    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var tokens = new IReadOnlyList<int>[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            tokens[i] = _tokenizer.EncodeToIds(texts[i] ?? string.Empty, _maxSequenceLength, addSpecialTokens: true, out _, out _);
        }
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => tokens[i].Count).ToArray();
        var result = new float[texts.Count][];
        for (var start = 0; start < order.Length; start += _batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = order.AsSpan(start, Math.Min(_batchSize, order.Length - start));
            Run(batch, tokens, result);
        }
        return result;
    }

    private void Run(ReadOnlySpan<int> batch, IReadOnlyList<int>[] tokens, float[][] result)
    {
        var rows = batch.Length;
        var length = 1;
        foreach (var i in batch)
        {
            length = Math.Max(length, Math.Min(tokens[i].Count, _maxSequenceLength));
        }
        var ids = new long[rows * length];
        var mask = new long[rows * length];
        Array.Fill(ids, _tokenizer.PaddingTokenId);
        for (var r = 0; r < rows; r++)
        {
            var row = tokens[batch[r]];
            for (var t = 0; t < Math.Min(row.Count, length); t++)
            {
                ids[(r * length) + t] = row[t];
                mask[(r * length) + t] = 1;
            }
        }

        long[] shape = [rows, length];
        var names = new List<string> { "input_ids", "attention_mask" };
        var values = new List<OrtValue> { Tensor(ids, shape), Tensor(mask, shape) };
        if (_tokenTypes)
        {
            names.Add("token_type_ids");
            values.Add(Tensor(new long[rows * length], shape));
        }
        try
        {
            using var runOptions = new RunOptions();
            using var outputs = _session.Run(runOptions, names, values, [_outputName]);
            var output = outputs[0];
            var outputShape = output.GetTensorTypeAndShape().Shape;
            var data = output.GetTensorDataAsSpan<float>();
            if (outputShape.Length == 2)
            {
                // Already pooled ([batch, dim], e.g. a "sentence_embedding" output).
                var dimensions = (int)outputShape[1];
                for (var r = 0; r < rows; r++)
                {
                    var vector = data.Slice(r * dimensions, dimensions).ToArray();
                    GloveSifEmbeddingGenerator.Normalize(vector);
                    result[batch[r]] = vector;
                }
                return;
            }
            if (outputShape.Length != 3 || outputShape[0] != rows || outputShape[1] != length)
            {
                throw new InvalidDataException($"The model's output '{_outputName}' has shape [{string.Join(", ", outputShape)}], not [batch, tokens, dim].");
            }
            var dim = (int)outputShape[2];
            for (var r = 0; r < rows; r++)
            {
                var vector = new float[dim];
                var count = 0;
                for (var t = 0; t < length; t++)
                {
                    if (mask[(r * length) + t] != 0)
                    {
                        TensorPrimitives.Add(vector, data.Slice(((r * length) + t) * dim, dim), vector);
                        count++;
                    }
                }
                if (count > 0)
                {
                    TensorPrimitives.Divide(vector, count, vector);
                }
                GloveSifEmbeddingGenerator.Normalize(vector);
                result[batch[r]] = vector;
            }
        }
        finally
        {
            foreach (var value in values)
            {
                value.Dispose();
            }
        }
    }

    private OrtValue Tensor(long[] data, long[] shape) => _int32Inputs
        ? OrtValue.CreateTensorValueFromMemory(Array.ConvertAll(data, v => (int)v), shape)
        : OrtValue.CreateTensorValueFromMemory(data, shape);

    /// <summary>Reads <c>do_lower_case</c> from <c>tokenizer_config.json</c> when present; uncased models are the common case.</summary>
    private static bool LowerCase(string modelFolder)
    {
        var config = Path.Combine(modelFolder, "tokenizer_config.json");
        if (!File.Exists(config))
        {
            return true;
        }
        using var document = JsonDocument.Parse(File.ReadAllText(config));
        return !document.RootElement.TryGetProperty("do_lower_case", out var value) || value.ValueKind != JsonValueKind.False;
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _session.Dispose();
        }
    }
}
