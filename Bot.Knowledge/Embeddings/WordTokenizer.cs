namespace Bot.Knowledge.Embeddings;

/// <summary>
/// Splits text into lower-case words for word-vector lookups, without allocating: runs of letters and digits, with
/// an apostrophe or hyphen kept when it joins two of them (<c>don't</c>, <c>e-mail</c>); curly apostrophes and Unicode
/// hyphens become ASCII. Words longer than the buffer are skipped (no vocabulary holds them).
/// </summary>
public ref struct WordTokenizer
{
    /// <summary>The longest word returned.</summary>
    public const int MaxWordLength = 64;

    private readonly ReadOnlySpan<char> _text;
    private readonly Span<char> _buffer;
    private int _position;
    private int _length;

    /// <param name="text">The text to split.</param>
    /// <param name="buffer">At least <see cref="MaxWordLength"/> chars that <see cref="Current"/> points into.</param>
    public WordTokenizer(ReadOnlySpan<char> text, Span<char> buffer)
    {
        if (buffer.Length < MaxWordLength)
        {
            throw new ArgumentException($"The buffer needs at least {MaxWordLength} chars.", nameof(buffer));
        }
        _text = text;
        _buffer = buffer;
    }

    /// <summary>The current word, lower case; valid until the next <see cref="MoveNext"/>.</summary>
    public readonly ReadOnlySpan<char> Current => _buffer[.._length];

    public readonly WordTokenizer GetEnumerator() => this;

    public bool MoveNext()
    {
        while (_position < _text.Length)
        {
            while (_position < _text.Length && !char.IsLetterOrDigit(_text[_position]))
            {
                _position++;
            }
            if (_position >= _text.Length)
            {
                break;
            }

            _length = 0;
            var tooLong = false;
            while (_position < _text.Length)
            {
                var c = _text[_position];
                if (!char.IsLetterOrDigit(c))
                {
                    var joiner = Joiner(c);
                    if (joiner == '\0' || _position + 1 >= _text.Length || !char.IsLetterOrDigit(_text[_position + 1]))
                    {
                        break;
                    }
                    c = joiner;
                }
                if (_length < MaxWordLength)
                {
                    _buffer[_length++] = char.ToLowerInvariant(c);
                }
                else
                {
                    tooLong = true;
                }
                _position++;
            }
            if (!tooLong)
            {
                return true;
            }
        }
        _length = 0;
        return false;
    }

    private static char Joiner(char c) => c switch
    {
        '\'' or '\u2019' or '\u2018' or '\u02BC' => '\'',
        '-' or '\u2010' or '\u2011' => '-',
        _ => '\0',
    };
}
