using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Bot.Knowledge.Embeddings;

/// <summary>Chooses and builds the embedder that <see cref="EmbeddingOptions"/> ask for.</summary>
public static class EmbedderFactory
{
    /// <summary>The file that marks the repository root, against which relative model paths are resolved.</summary>
    public const string RepositoryMarker = "CustomerSupportBot.sln";

    /// <summary>
    /// Builds the embedder. <see cref="EmbeddingProvider.Auto"/> takes ONNX when <see cref="EmbeddingOptions.ModelPath"/>
    /// holds a model, else GloVe when its file exists, else the lexical fallback with a warning. An explicitly chosen
    /// provider whose files or settings are missing throws, naming what to do.
    /// </summary>
    /// <param name="options">The settings.</param>
    /// <param name="contentRoot">Where relative paths start when no repository root is found above it.</param>
    /// <param name="logger">Receives which embedder is active, and the warning when it is the lexical one.</param>
    public static ActiveEmbedder Create(EmbeddingOptions options, string contentRoot, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        var glovePath = ResolvePath(options.GlovePath, contentRoot);
        var modelPath = string.IsNullOrWhiteSpace(options.ModelPath) ? null : ResolvePath(options.ModelPath, contentRoot);
        var provider = options.Provider;
        if (provider == EmbeddingProvider.Auto)
        {
            provider = OnnxSentenceEmbeddingGenerator.IsModelFolder(modelPath) ? EmbeddingProvider.Onnx
                : File.Exists(glovePath) ? EmbeddingProvider.Glove
                : EmbeddingProvider.Lexical;
        }

        var clock = Stopwatch.StartNew();
        IEmbeddingGenerator<string, Embedding<float>> generator;
        EmbedderInfo info;
        switch (provider)
        {
            case EmbeddingProvider.Glove:
                if (!File.Exists(glovePath))
                {
                    throw new InvalidOperationException(
                        $"Embeddings:Provider is glove but '{glovePath}' does not exist: run scripts/fetch-glove.sh (or make run), or set Embeddings:GlovePath.");
                }
                var glove = GloveSifEmbeddingGenerator.Load(glovePath);
                generator = glove;
                info = new EmbedderInfo(glove.Name, glove.Model.Dimensions);
                logger.LogInformation("Embeddings: {Name} ({Dimensions} dimensions, {Words} words) from {Path}, ready in {Milliseconds} ms",
                    info.Name, info.Dimensions, glove.Model.Count, glovePath, clock.ElapsedMilliseconds);
                break;
            case EmbeddingProvider.Onnx:
                if (!OnnxSentenceEmbeddingGenerator.IsModelFolder(modelPath))
                {
                    throw new InvalidOperationException(
                        $"Embeddings:Provider is onnx but Embeddings:ModelPath ('{modelPath}') has no model.onnx and vocab.txt: run scripts/fetch-onnx-model.sh.");
                }
                var onnx = new OnnxSentenceEmbeddingGenerator(modelPath!, options.MaxSequenceLength, options.BatchSize);
                generator = onnx;
                info = new EmbedderInfo(onnx.Name, onnx.Dimensions);
                logger.LogInformation("Embeddings: {Name} ({Dimensions} dimensions) from {Path}, ready in {Milliseconds} ms",
                    info.Name, info.Dimensions, modelPath, clock.ElapsedMilliseconds);
                break;
            case EmbeddingProvider.OpenAI or EmbeddingProvider.AzureOpenAI or EmbeddingProvider.Ollama:
                (generator, info) = OpenAIEmbeddings.Create(options);
                logger.LogInformation("Embeddings: {Name} ({Dimensions} dimensions) at {Endpoint}",
                    info.Name, info.Dimensions, options.Endpoint?.ToString() ?? "the default endpoint");
                break;
            default:
                generator = new HashingEmbeddingGenerator();
                info = new EmbedderInfo(EmbedderInfo.LexicalName, HashingEmbeddingGenerator.Dimensions);
                logger.LogWarning(
                    "Embeddings: semantic search is OFF. Using the lexical fallback {Name} (hashed words and trigrams: it matches shared words, not meaning). "
                    + "No ONNX model at Embeddings:ModelPath ({ModelPath}) and no GloVe file at {GlovePath}. "
                    + "Fix: run scripts/fetch-glove.sh (make run does), or set Embeddings:Provider to onnx/openai/azureopenai/ollama; then run kb reembed.",
                    info.Name, modelPath ?? "not set", glovePath);
                break;
        }
        return new ActiveEmbedder(new CachingEmbeddingGenerator(generator, options.QueryCacheSize), info);
    }

    /// <summary>
    /// An absolute path as is; a relative one against the repository root (the folder holding
    /// <see cref="RepositoryMarker"/> at or above <paramref name="contentRoot"/>), or against the content root.
    /// </summary>
    public static string ResolvePath(string path, string contentRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Path.IsPathRooted(path))
        {
            return Path.GetFullPath(path);
        }
        var root = Path.GetFullPath(contentRoot);
        for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, RepositoryMarker)))
            {
                return Path.GetFullPath(path, dir.FullName);
            }
        }
        return Path.GetFullPath(path, root);
    }
}
