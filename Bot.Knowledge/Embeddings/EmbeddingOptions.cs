using System.ComponentModel.DataAnnotations;

namespace Bot.Knowledge.Embeddings;

/// <summary>Embedding settings (section <c>Embeddings</c>).</summary>
public sealed class EmbeddingOptions
{
    public const string SectionName = "Embeddings";

    /// <summary>The default place of the GloVe + SIF file that <c>scripts/fetch-glove.sh</c> writes.</summary>
    public const string DefaultGlovePath = ".data/models/glove-sif-100d.bin";

    public EmbeddingProvider Provider { get; set; } = EmbeddingProvider.Auto;

    /// <summary>
    /// The GloVe + SIF file; a relative path is resolved against the repository root (the folder holding
    /// <c>CustomerSupportBot.sln</c> above the content root), or the content root when there is none.
    /// </summary>
    public string GlovePath { get; set; } = DefaultGlovePath;

    /// <summary>A folder holding <c>model.onnx</c> and <c>vocab.txt</c> (resolved like <see cref="GlovePath"/>).</summary>
    public string? ModelPath { get; set; }

    /// <summary>The API base address: OpenAI's by default, Ollama's <c>http://localhost:11434/v1</c>, or the Azure resource.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The API key (OpenAI, Azure OpenAI); Ollama needs none.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The remote model (or Azure deployment) name; each provider has a default but Azure.</summary>
    public string? Model { get; set; }

    /// <summary>
    /// The vector length of a remote model. Needed for models this code does not know; for OpenAI's
    /// <c>text-embedding-3-*</c> a smaller value than the model's own asks the API to shorten the vectors.
    /// </summary>
    [Range(1, 16_000)]
    public int? Dimensions { get; set; }

    /// <summary>How many query embeddings the LRU cache keeps (0 turns it off).</summary>
    [Range(0, 1_000_000)]
    public int QueryCacheSize { get; set; } = 2048;

    /// <summary>The ONNX model's longest input in tokens, [CLS] and [SEP] included; longer texts are cut.</summary>
    [Range(8, 8192)]
    public int MaxSequenceLength { get; set; } = 256;

    /// <summary>How many texts one ONNX run or one remote request embeds at most.</summary>
    [Range(1, 2048)]
    public int BatchSize { get; set; } = 32;
}
