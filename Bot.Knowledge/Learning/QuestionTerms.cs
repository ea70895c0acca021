using Bot.Knowledge.Embeddings;

namespace Bot.Knowledge.Learning;

/// <summary>
/// The content words of a question, lower case and lightly stemmed (<c>cancelling</c> → <c>cancel</c>,
/// <c>invoices</c> → <c>invoice</c>), and how much two questions share: the word-overlap half of the learned-answer match.
/// </summary>
public static class QuestionTerms
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been",
        "being", "but", "by", "can", "can't", "cannot", "could", "did", "do", "does", "doing", "don't", "for", "from", "get",
        "got", "had", "has", "have", "having", "he", "her", "here", "him", "his", "how", "i", "i'm", "i've", "if", "in",
        "into", "is", "isn't", "it", "it's", "its", "just", "let", "me", "might", "more", "most", "much", "must", "my", "no",
        "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "out", "over", "please", "same", "she",
        "should", "so", "some", "still", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they",
        "this", "those", "through", "to", "too", "up", "us", "very", "was", "we", "we're", "we've", "were", "what", "when",
        "where", "which", "while", "who", "why", "will", "with", "would", "you", "your", "yours", "hi", "hello", "thanks",
        "want", "need", "way", "anyone", "anything", "something", "there's", "what's", "ok", "okay", "hey",
    };

    /// <summary>The distinct stemmed content words of <paramref name="text"/>, sorted (ordinal).</summary>
    public static string[] Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = new SortedSet<string>(StringComparer.Ordinal);
        Span<char> buffer = stackalloc char[WordTokenizer.MaxWordLength];
        foreach (var word in new WordTokenizer(text, buffer))
        {
            var value = word.ToString();
            if (StopWords.Contains(value))
            {
                continue;
            }
            var stem = Stem(value);
            if (stem.Length > 1 || char.IsDigit(stem[0]))
            {
                terms.Add(stem);
            }
        }
        return [.. terms];
    }

    /// <summary>The distinct content words of <paramref name="text"/>, lower case, not stemmed (for word-vector lookups), in order.</summary>
    public static string[] Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        Span<char> buffer = stackalloc char[WordTokenizer.MaxWordLength];
        foreach (var word in new WordTokenizer(text, buffer))
        {
            var value = word.ToString();
            if (!StopWords.Contains(value) && (value.Length > 1 || char.IsDigit(value[0])) && !words.Contains(value))
            {
                words.Add(value);
            }
        }
        return [.. words];
    }

    /// <summary>The Dice coefficient of two term sets: 2|A∩B| / (|A| + |B|), 0 when either is empty.</summary>
    public static double Overlap(IReadOnlyCollection<string> a, IReadOnlyCollection<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }
        var set = a as ISet<string> ?? new HashSet<string>(a, StringComparer.Ordinal);
        var shared = b.Count(set.Contains);
        return 2.0 * shared / (a.Count + b.Count);
    }

    /// <summary>A light suffix stripper: enough to match inflections, never meant to be linguistically exact.</summary>
    public static string Stem(string word)
    {
        var stem = StripSuffix(word);
        // "invoice", "invoiced" and "invoices" all end as "invoic".
        return stem.Length > 4 && stem[^1] == 'e' ? stem[..^1] : stem;
    }

    private static string StripSuffix(string word)
    {
        if (word.EndsWith("'s", StringComparison.Ordinal))
        {
            word = word[..^2];
        }
        word = word.Replace("'", "", StringComparison.Ordinal);
        if (word.Length <= 3)
        {
            return word;
        }
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
        {
            return word[..^3] + "y";
        }
        if (word.EndsWith("ing", StringComparison.Ordinal) && word.Length > 5)
        {
            return Undouble(word[..^3]);
        }
        if (word.EndsWith("ed", StringComparison.Ordinal) && word.Length > 4)
        {
            return Undouble(word.EndsWith("ied", StringComparison.Ordinal) ? word[..^3] + "y" : word[..^2]);
        }
        if (word.EndsWith("ly", StringComparison.Ordinal) && word.Length > 5)
        {
            return word[..^2];
        }
        if (word.EndsWith("es", StringComparison.Ordinal) && word.Length > 4
            && (word.EndsWith("ses", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal)
                || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal)))
        {
            return word[..^2];
        }
        if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal))
        {
            return word[..^1];
        }
        return word;
    }

    private static string Undouble(string stem)
    {
        if (stem.Length > 3 && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'z'))
        {
            return stem[..^1];
        }
        return stem;
    }
}
