namespace Bot.Knowledge.Embeddings;

/// <summary>
/// The active embedder: a stable <paramref name="Name"/> (recorded in the database next to the vectors, e.g.
/// <c>glove-sif-100d</c>, <c>onnx:all-MiniLM-L6-v2</c>, <c>openai:text-embedding-3-small</c>) and the vector length.
/// </summary>
public sealed record EmbedderInfo(string Name, int Dimensions)
{
    /// <summary>The name of the lexical fallback, which hashes words: vector search without meaning.</summary>
    public const string LexicalName = "lexical-hash-256";

    /// <summary>False for the lexical fallback: vector search then finds shared words and spellings, not meaning.</summary>
    public bool IsSemantic => !Name.StartsWith("lexical", StringComparison.Ordinal);
}
