namespace Bot.Knowledge.Embeddings;

/// <summary>Which embedder <see cref="EmbeddingServiceCollectionExtensions.AddEmbeddings"/> registers.</summary>
public enum EmbeddingProvider
{
    /// <summary>ONNX when <see cref="EmbeddingOptions.ModelPath"/> holds a model, else GloVe when its file exists, else lexical.</summary>
    Auto,

    /// <summary>GloVe word vectors with SIF weighting, from <see cref="EmbeddingOptions.GlovePath"/> (the offline default).</summary>
    Glove,

    /// <summary>A BERT-style sentence transformer (model.onnx + vocab.txt) in <see cref="EmbeddingOptions.ModelPath"/>.</summary>
    Onnx,

    /// <summary>The OpenAI embeddings API.</summary>
    OpenAI,

    /// <summary>An Azure OpenAI deployment through its OpenAI-compatible <c>/openai/v1</c> endpoint.</summary>
    AzureOpenAI,

    /// <summary>Ollama through its OpenAI-compatible <c>/v1</c> endpoint.</summary>
    Ollama,

    /// <summary>Feature hashing of words and character trigrams: no meaning, only shared words and spellings.</summary>
    Lexical,
}
