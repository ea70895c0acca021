using Bot.Knowledge.Ingestion;
using FsCheck.Xunit;

namespace Bot.Tests.Ingestion;

public sealed class TextChunkerTests
{
    [Property(Arbitrary = [typeof(PassageGenerators)], MaxTest = 200)]
    public void No_text_is_lost_and_chunks_are_exact_passages_in_order(ChunkingCase sample)
    {
        var chunker = new TextChunker(sample.MaxTokens, sample.OverlapTokens);
        var text = sample.Text;
        var spans = chunker.Split(text);

        Assert.NotEmpty(spans);
        Assert.Equal(text.Length - text.TrimStart().Length, spans[0].Start);
        Assert.Equal(text.TrimEnd().Length, spans[^1].Start + spans[^1].Length);
        var covered = new bool[text.Length];
        for (var i = 0; i < spans.Count; i++)
        {
            var (start, length) = spans[i];
            Assert.True(length > 0);
            Assert.False(char.IsWhiteSpace(text[start]) || char.IsWhiteSpace(text[start + length - 1]), "chunks are trimmed");
            Array.Fill(covered, true, start, length);
            if (i > 0)
            {
                var (previousStart, previousLength) = spans[i - 1];
                Assert.True(start > previousStart && start + length > previousStart + previousLength, "chunks move forward");
                var gapStart = previousStart + previousLength;
                Assert.True(start <= gapStart || text.AsSpan(gapStart, start - gapStart).IsWhiteSpace(), "nothing is skipped between chunks");
            }
        }
        for (var i = 0; i < text.Length; i++)
        {
            Assert.True(covered[i] || char.IsWhiteSpace(text[i]), $"character {i} ('{text[i]}') is in no chunk");
        }

        // The same through the document API: every word of the input appears, in order, in the chunks' words (a word
        // longer than a whole chunk is the one thing cut, at token boundaries; the character check above covers it).
        var chunks = chunker.Chunk(new KnowledgeDocument("s", "t", null, null, [new KnowledgeSection("H1 > H2", text)]));
        Assert.Equal(spans.Select(s => text.Substring(s.Start, s.Length)), chunks.Select(c => c.Content));
        Assert.All(chunks, c => Assert.Equal("H1 > H2", c.Heading));
        Assert.Equal(Enumerable.Range(0, chunks.Count), chunks.Select(c => c.Ordinal));
        var chunkWords = chunks.SelectMany(c => Words(c.Content)).ToList();
        var position = 0;
        var fits = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var word in Words(text).Where(w => fits.TryGetValue(w, out var f) ? f : fits[w] = chunker.CountTokens(w) <= sample.MaxTokens))
        {
            while (position < chunkWords.Count && chunkWords[position] != word)
            {
                position++;
            }
            Assert.True(position < chunkWords.Count, $"word '{word}' is missing or out of order");
            position++;
        }
    }

    [Property(Arbitrary = [typeof(PassageGenerators)], MaxTest = 200)]
    public void Chunk_sizes_and_overlaps_are_bounded(ChunkingCase sample)
    {
        var chunker = new TextChunker(sample.MaxTokens, sample.OverlapTokens);
        var text = sample.Text;
        var spans = chunker.Split(text);
        for (var i = 0; i < spans.Count; i++)
        {
            var (start, length) = spans[i];
            var content = text.Substring(start, length);
            var tokens = chunker.CountTokens(content);
            Assert.True(tokens <= sample.MaxTokens || IsSingleTableRow(content),
                $"chunk {i} has {tokens} tokens (max {sample.MaxTokens}): {content}");
            if (i > 0)
            {
                var previousEnd = spans[i - 1].Start + spans[i - 1].Length;
                if (start < previousEnd)
                {
                    var overlap = chunker.CountTokens(text[start..previousEnd]);
                    Assert.True(overlap <= sample.OverlapTokens, $"chunks {i - 1} and {i} share {overlap} tokens (max {sample.OverlapTokens})");
                }
            }
        }
    }

    [Fact]
    public void A_section_that_fits_is_one_chunk_and_long_ones_overlap()
    {
        var chunker = new TextChunker(220, 40);
        Assert.Single(chunker.Split("Short answer. Another sentence."));

        var sentences = Enumerable.Range(1, 60).Select(i => $"Sentence number {i} explains one more detail about refunds.");
        var text = string.Join(' ', sentences);
        var spans = chunker.Split(text);
        Assert.True(spans.Count > 2);
        Assert.True(spans.Zip(spans.Skip(1)).Any(p => p.Second.Start < p.First.Start + p.First.Length), "consecutive chunks overlap");
        Assert.All(spans, s => Assert.EndsWith(".", text.Substring(s.Start, s.Length), StringComparison.Ordinal));
    }

    [Fact]
    public void Table_rows_are_never_split()
    {
        var rows = Enumerable.Range(1, 40).Select(i => $"| Plan {i} | {i * 3} seats | ${i * 12}.00 per month | annual discount {i}% |");
        var text = "| Plan | Seats | Price | Discount |\n|---|---|---|---|\n" + string.Join('\n', rows);
        var chunker = new TextChunker(60, 20);
        var spans = chunker.Split(text);
        Assert.True(spans.Count > 3);
        foreach (var (start, length) in spans)
        {
            Assert.True(start == 0 || text[start - 1] == '\n', "a chunk starts at a row start");
            Assert.True(start + length == text.Length || text[start + length] == '\n', "a chunk ends at a row end");
        }
    }

    [Fact]
    public void A_faq_pair_is_one_chunk_whatever_its_size()
    {
        var answer = string.Join(' ', Enumerable.Repeat("This answer is deliberately long, with many words.", 80));
        var document = new KnowledgeDocument("faq.csv#q", "Question?", null, null, [new KnowledgeSection("", answer, KeepWhole: true)]);
        var chunk = Assert.Single(new TextChunker(220, 40).Chunk(document));
        Assert.Equal(answer, chunk.Content);
    }

    [Fact]
    public void Each_section_is_chunked_on_its_own_with_its_heading()
    {
        var document = new KnowledgeDocument("a.md", "A", null, null,
        [
            new KnowledgeSection("A > One", "First section."),
            new KnowledgeSection("A > Two", "Second section."),
        ]);
        var chunks = new TextChunker().Chunk(document);
        Assert.Equal([("A > One", "First section."), ("A > Two", "Second section.")], chunks.Select(c => (c.Heading, c.Content)));
    }

    [Fact]
    public void The_tokenizer_works_offline()
    {
        Assert.InRange(ChunkTokenizer.Instance.CountTokens("How do I reset my Northwind password?"), 6, 12);
    }

    private static IEnumerable<string> Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static bool IsSingleTableRow(string content) => content.StartsWith('|') && !content.Contains('\n', StringComparison.Ordinal);
}
