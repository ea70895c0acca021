using FsCheck;
using FsCheck.Fluent;

namespace Bot.Tests.Ingestion;

/// <summary>A passage of help-centre-like text and the chunker settings to cut it with.</summary>
public sealed record ChunkingCase(string Text, int MaxTokens, int OverlapTokens)
{
    public override string ToString() => $"max {MaxTokens}, overlap {OverlapTokens}, {Text.Length} chars:\n{Text}";
}

/// <summary>
/// FsCheck generators of passages mixing the shapes the chunker must handle: paragraphs of sentences, lists, pipe
/// tables, long runs without punctuation, single over-long "words", odd whitespace and non-ASCII text.
/// </summary>
public static class PassageGenerators
{
    private static readonly string[] Words =
    [
        "the", "a", "to", "your", "account", "password", "reset", "invoice", "refund", "plan", "billing", "sign-in", "SSO",
        "two-factor", "authentication", "API", "rate", "limit", "429", "webhook", "Northwind", "export", "data", "GDPR",
        "café", "naïve", "über", "日本語", "😀", "e.g.", "U.S.", "$12.50", "10%", "https://help.northwind.example/articles/reset",
        "(optional)", "\"quoted\"", "don't", "co-operate", "multi-factor-authentication-enforcement", "x", "I", "is", "and",
    ];

    public static Arbitrary<ChunkingCase> Cases() => Arb.From(
        from blocks in Gen.NonEmptyListOf(Block()).Select(b => b.Take(14).ToList())
        from separators in Gen.ArrayOf(Gen.Elements("\n\n", "\n\n\n", "\n \n", "\n\t\n  "), blocks.Count)
        from max in Gen.Elements(16, 24, 40, 64, 100, 220)
        from overlapPercent in Gen.Choose(0, 45)
        select new ChunkingCase(
            string.Concat(blocks.Select((b, i) => (i == 0 ? "" : separators[i]) + b)),
            max,
            max * overlapPercent / 100));

    private static Gen<string> Block() => Gen.Frequency(
        (6, Paragraph()),
        (2, ListBlock()),
        (2, Table()),
        (1, Run(80, 500)),
        (1, GiantWord()));

    private static Gen<string> Word() => Gen.Elements(Words);

    private static Gen<string> Run(int min, int max) =>
        from count in Gen.Choose(min, max)
        from words in Gen.ArrayOf(Word(), count)
        select string.Join(' ', words);

    private static Gen<string> Sentence() =>
        from words in Run(1, 40)
        from end in Gen.Elements(".", "?", "!", ".)", "…", "")
        select char.ToUpperInvariant(words[0]) + words[1..] + end;

    private static Gen<string> Paragraph() =>
        from count in Gen.Choose(1, 12)
        from sentences in Gen.ArrayOf(Sentence(), count)
        from joiner in Gen.Elements(" ", "  ", "\n")
        select string.Join(joiner, sentences);

    private static Gen<string> ListBlock() =>
        from count in Gen.Choose(2, 15)
        from items in Gen.ArrayOf(Run(1, 30), count)
        from ordered in Gen.Elements(true, false)
        select string.Join('\n', items.Select((item, i) => (ordered ? $"{i + 1}. " : (i % 3 == 2 ? "  - " : "- ")) + item));

    private static Gen<string> Table() =>
        from columns in Gen.Choose(2, 3)
        from rows in Gen.Choose(2, 20)
        from cells in Gen.ArrayOf(Run(1, 2), columns * (rows + 1))
        select string.Join('\n', Enumerable.Range(0, rows + 2).Select(r => r == 1
            ? "|" + string.Concat(Enumerable.Repeat("---|", columns))
            : "| " + string.Join(" | ", cells.Skip((r == 0 ? 0 : r - 1) * columns).Take(columns)) + " |"));

    private static Gen<string> GiantWord() =>
        from length in Gen.Choose(100, 2500)
        from letters in Gen.ArrayOf(Gen.Elements("abcdefghijklmnopqrstuvwxyz0123456789-_/é".ToCharArray()), length)
        select new string(letters);
}
