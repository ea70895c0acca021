using Microsoft.ML.Tokenizers;

namespace Bot.Knowledge.Ingestion;

/// <summary>
/// The tokenizer chunk sizes are measured in: OpenAI's o200k_base (gpt-4o) byte-pair encoding, whose vocabulary ships
/// inside the <c>Microsoft.ML.Tokenizers.Data.O200kBase</c> assembly, so it works offline. For English help-centre text a
/// BERT word-piece tokenizer (all-MiniLM-L6-v2 and friends, 256-token window) gives roughly 10–20% more tokens, so a
/// 220-token chunk plus its title still fits such a model's window.
/// </summary>
public static class ChunkTokenizer
{
    private static readonly Lazy<Tokenizer> Shared = new(() => TiktokenTokenizer.CreateForModel("gpt-4o"));

    /// <summary>A name for the tokenizer, part of the chunker's signature.</summary>
    public const string Name = "o200k_base";

    public static Tokenizer Instance => Shared.Value;
}
