namespace Bot.Knowledge.Ingestion;

/// <summary>
/// Cuts a passage that is too long for one chunk into the smallest structural units needed: blocks that fit are kept
/// whole; others are cut into table rows, list items, sentences, words and, for one over-long word, token runs.
/// Units are trimmed (start, end) ranges that together cover every non-whitespace character, in order.
/// </summary>
internal sealed class TextUnits(string text, TextChunker chunker)
{
    private static readonly System.Buffers.SearchValues<char> TableSeparatorChars = System.Buffers.SearchValues.Create("|-:+ \t");

    internal readonly record struct Unit(int Start, int End, bool Table = false)
    {
        public int Length => End - Start;
    }

    public static Unit Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        return new Unit(start, end);
    }

    public void Collect(Unit range, List<Unit> units)
    {
        foreach (var block in Blocks(range))
        {
            if (Fits(block))
            {
                units.Add(block);
            }
            else if (IsTable(block))
            {
                // Rows are never split: a single row over the limit becomes a chunk of its own.
                units.AddRange(Lines(block).Select(row => row with { Table = true }));
            }
            else
            {
                var items = ListItems(block);
                foreach (var item in items)
                {
                    if (items.Count > 1 && Fits(item))
                    {
                        units.Add(item);
                    }
                    else
                    {
                        Sentences(item, units);
                    }
                }
            }
        }
    }

    private bool Fits(Unit unit) => chunker.Count(text, unit.Start, unit.End) <= chunker.MaxTokens;

    /// <summary>Blank-line separated blocks.</summary>
    private List<Unit> Blocks(Unit range)
    {
        var blocks = new List<Unit>();
        var start = range.Start;
        foreach (var line in RawLines(range))
        {
            if (IsBlank(line))
            {
                Add(blocks, start, line.Start);
                start = line.End;
            }
        }
        Add(blocks, start, range.End);
        return blocks;
    }

    private List<Unit> Lines(Unit range)
    {
        var lines = new List<Unit>();
        foreach (var line in RawLines(range))
        {
            Add(lines, line.Start, line.End);
        }
        return lines;
    }

    /// <summary>Markdown-style list items (a marker line plus its continuation lines); the whole block when it has none.</summary>
    private List<Unit> ListItems(Unit block)
    {
        var items = new List<Unit>();
        var start = block.Start;
        foreach (var line in RawLines(block))
        {
            if (line.Start > block.Start && IsListMarker(line))
            {
                Add(items, start, line.Start);
                start = line.Start;
            }
        }
        Add(items, start, block.End);
        return items;
    }

    private void Sentences(Unit range, List<Unit> units)
    {
        var start = range.Start;
        for (var i = range.Start; i < range.End; i++)
        {
            if (text[i] is not ('.' or '!' or '?' or '…' or '。'))
            {
                continue;
            }
            var end = i + 1;
            while (end < range.End && text[end] is '"' or '\'' or ')' or ']' or '*' or '_' or '”' or '’')
            {
                end++;
            }
            if (end < range.End && char.IsWhiteSpace(text[end]))
            {
                Sentence(start, end, units);
                start = end;
                i = end;
            }
        }
        Sentence(start, range.End, units);
    }

    private void Sentence(int start, int end, List<Unit> units)
    {
        var sentence = Trim(text, start, end);
        if (sentence.Length == 0)
        {
            return;
        }
        if (Fits(sentence))
        {
            units.Add(sentence);
            return;
        }
        var wordStart = -1;
        for (var i = sentence.Start; i <= sentence.End; i++)
        {
            var boundary = i == sentence.End || char.IsWhiteSpace(text[i]);
            if (!boundary && wordStart < 0)
            {
                wordStart = i;
            }
            else if (boundary && wordStart >= 0)
            {
                Word(wordStart, i, units);
                wordStart = -1;
            }
        }
    }

    /// <summary>
    /// A word longer than a chunk (a token, a base64 blob, a long URL) is cut every <see cref="TextChunker.MaxTokens"/>
    /// tokens, from a single tokenization of the word (counting the rest again after each cut would be quadratic).
    /// </summary>
    private void Word(int start, int end, List<Unit> units)
    {
        if (Fits(new Unit(start, end)))
        {
            units.Add(new Unit(start, end));
            return;
        }
        var pieceStart = start;
        var count = 0;
        foreach (var tokenStart in chunker.TokenStarts(text, start, end))
        {
            if (count >= chunker.MaxTokens && tokenStart > pieceStart && tokenStart < end && !char.IsLowSurrogate(text[tokenStart]))
            {
                Piece(pieceStart, tokenStart, units);
                pieceStart = tokenStart;
                count = 0;
            }
            count++;
        }
        Piece(pieceStart, end, units);
    }

    /// <summary>A piece of a long word; tokenized alone it may count differently, so it is checked and cut again if needed.</summary>
    private void Piece(int start, int end, List<Unit> units)
    {
        while (start < end)
        {
            var cut = Fits(new Unit(start, end)) ? end : chunker.TokenPrefixEnd(text, start, end, chunker.MaxTokens);
            units.Add(new Unit(start, cut));
            start = cut;
        }
    }

    private bool IsTable(Unit block)
    {
        var lines = Lines(block);
        if (lines.Count < 2)
        {
            return false;
        }
        var piped = lines.All(l => text[l.Start] is '|' or '+');
        var separator = lines.Any(l => text.AsSpan(l.Start, l.Length).Trim().ContainsAnyExcept(TableSeparatorChars) is false
            && text.AsSpan(l.Start, l.Length).Contains('-'));
        return piped || (separator && lines.All(l => text.AsSpan(l.Start, l.Length).Contains('|')));
    }

    private bool IsListMarker(Unit line)
    {
        var span = text.AsSpan(line.Start, line.Length).TrimStart();
        if (span.Length >= 2 && span[0] is '-' or '*' or '+' or '•' && span[1] == ' ')
        {
            return true;
        }
        var digits = 0;
        while (digits < span.Length && char.IsAsciiDigit(span[digits]))
        {
            digits++;
        }
        return digits is > 0 and < 4 && span.Length > digits + 1 && span[digits] is '.' or ')' && span[digits + 1] == ' ';
    }

    private bool IsBlank(Unit line) => text.AsSpan(line.Start, line.Length).IsWhiteSpace();

    /// <summary>Lines of the range without their line break (the last may lack one).</summary>
    private IEnumerable<Unit> RawLines(Unit range)
    {
        var start = range.Start;
        while (start <= range.End)
        {
            var newline = text.IndexOf('\n', start, range.End - start);
            var end = newline < 0 ? range.End : newline;
            yield return new Unit(start, end);
            if (newline < 0)
            {
                yield break;
            }
            start = newline + 1;
        }
    }

    private void Add(List<Unit> units, int start, int end)
    {
        var unit = Trim(text, start, end);
        if (unit.Length > 0)
        {
            units.Add(unit);
        }
    }
}
