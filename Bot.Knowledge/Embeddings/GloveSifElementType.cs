namespace Bot.Knowledge.Embeddings;

/// <summary>How a GloVe + SIF file stores its vectors.</summary>
public enum GloveSifElementType
{
    /// <summary>4 bytes a value.</summary>
    Float32 = 1,

    /// <summary>2 bytes a value: half the size, about 3 significant digits, which cosine similarity does not notice.</summary>
    Float16 = 2,
}
