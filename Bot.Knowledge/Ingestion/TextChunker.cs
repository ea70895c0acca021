using System.Globalization;
using Microsoft.ML.Tokenizers;

namespace Bot.Knowledge.Ingestion;

/// <summary>
/// Splits documents into chunks: structure first (each section is chunked on its own and every chunk keeps the section's
/// heading path), then by size. A section that fits in <see cref="MaxTokens"/> is one chunk; a longer one is cut into
/// units — blocks (blank-line separated), then table rows and list items, then sentences, then words, then token runs for
/// a single over-long word — and the units are packed greedily. Each next chunk starts with the last whole units of the
/// previous one that fit in <see cref="OverlapTokens"/>. Chunks are exact substrings of the section (no text is added or
/// lost). A table row is never split, so a single row longer than the limit is a chunk of its own; a
/// <see cref="KnowledgeSection.KeepWhole"/> section (an FAQ pair) is always exactly one chunk.
/// </summary>
public sealed class TextChunker
{
    private readonly Tokenizer _tokenizer;

    public TextChunker(int maxTokens = 220, int overlapTokens = 40, Tokenizer? tokenizer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 8);
        ArgumentOutOfRangeException.ThrowIfNegative(overlapTokens);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(overlapTokens, maxTokens);
        MaxTokens = maxTokens;
        OverlapTokens = overlapTokens;
        _tokenizer = tokenizer ?? ChunkTokenizer.Instance;
    }

    public int MaxTokens { get; }

    public int OverlapTokens { get; }

    /// <summary>Identifies the chunking rules; part of each document's content hash, so a change re-chunks on the next ingest.</summary>
    public string Signature => string.Create(CultureInfo.InvariantCulture, $"chunker-v1:{ChunkTokenizer.Name}:{MaxTokens}:{OverlapTokens}");

    public int CountTokens(string text) => _tokenizer.CountTokens(text);

    /// <summary>All chunks of a document, numbered in order.</summary>
    public IReadOnlyList<KnowledgeChunk> Chunk(KnowledgeDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var chunks = new List<KnowledgeChunk>();
        foreach (var section in document.Sections)
        {
            var content = section.Content.Trim();
            if (content.Length == 0)
            {
                continue;
            }
            if (section.KeepWhole)
            {
                chunks.Add(new KnowledgeChunk(chunks.Count, section.Heading, content));
                continue;
            }
            foreach (var (start, length) in Split(content))
            {
                chunks.Add(new KnowledgeChunk(chunks.Count, section.Heading, content.Substring(start, length)));
            }
        }
        return chunks;
    }

    /// <summary>The chunks of one passage as (start, length) ranges of <paramref name="text"/>, in order.</summary>
    public IReadOnlyList<(int Start, int Length)> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var whole = TextUnits.Trim(text, 0, text.Length);
        if (whole.Length == 0)
        {
            return [];
        }
        if (Count(text, whole.Start, whole.End) <= MaxTokens)
        {
            return [(whole.Start, whole.Length)];
        }

        var units = new List<TextUnits.Unit>();
        new TextUnits(text, this).Collect(whole, units);

        // Each unit is counted once; the sums bound where a chunk can end, and a binary search with exact counts of the
        // joined text (separators included) finds the last unit that fits.
        var sums = new int[units.Count + 1];
        for (var i = 0; i < units.Count; i++)
        {
            sums[i + 1] = sums[i] + Count(text, units[i].Start, units[i].End);
        }
        var chunks = new List<(int, int)>();
        var first = 0;
        while (first < units.Count)
        {
            var bound = first;
            while (bound + 1 < units.Count && sums[bound + 2] - sums[first] <= MaxTokens + (bound + 1 - first) + 8)
            {
                bound++;
            }
            var last = first;
            while (last < bound)
            {
                var middle = (last + bound + 1) / 2;
                if (Count(text, units[first].Start, units[middle].End) <= MaxTokens)
                {
                    last = middle;
                }
                else
                {
                    bound = middle - 1;
                }
            }
            chunks.Add((units[first].Start, units[last].End - units[first].Start));
            if (last == units.Count - 1)
            {
                break;
            }
            first = OverlapStart(text, units, first, last);
        }
        return chunks;
    }

    /// <summary>
    /// Where the chunk after units [first..last] starts: the earliest unit after <paramref name="first"/> such that the
    /// repeated tail fits in the overlap budget and the next chunk can still take the next new unit.
    /// </summary>
    private int OverlapStart(string text, List<TextUnits.Unit> units, int first, int last)
    {
        var next = last + 1;
        if (OverlapTokens == 0)
        {
            return next;
        }
        for (var k = last; k > first; k--)
        {
            if (Count(text, units[k].Start, units[last].End) > OverlapTokens
                || Count(text, units[k].Start, units[last + 1].End) > MaxTokens)
            {
                break;
            }
            next = k;
        }
        return next;
    }

    internal int Count(string text, int start, int end) => _tokenizer.CountTokens(text.AsSpan(start, end - start));

    /// <summary>Where each token of [start, end) starts, as offsets into <paramref name="text"/> (one tokenization pass).</summary>
    internal IEnumerable<int> TokenStarts(string text, int start, int end) =>
        _tokenizer.EncodeToTokens(text.AsSpan(start, end - start), out _).Select(token => start + token.Offset.Start.Value);

    /// <summary>The end of the longest prefix of [start, end) within <paramref name="maxTokens"/> tokens (at least one char).</summary>
    internal int TokenPrefixEnd(string text, int start, int end, int maxTokens)
    {
        var index = _tokenizer.GetIndexByTokenCount(text.AsSpan(start, end - start), maxTokens, out _, out _);
        var cut = start + Math.Max(1, index);
        if (cut < end && char.IsLowSurrogate(text[cut]))
        {
            cut++;
        }
        return Math.Min(cut, end);
    }
}
