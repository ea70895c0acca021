namespace Bot.Benchmarks;

/// <summary>
/// Synthetic text for scale runs, drawn (Zipf-like) from a real vocabulary, so both the full-text index and the
/// embedder see word statistics like a help centre's. Deterministic for a seed.
/// </summary>
/// <remarks>
/// With a <paramref name="topicShare"/> above zero the corpus is <em>topical</em>: each article has its own few
/// words (drawn once per article, the same for every instance), which make up that share of its chunks, and a
/// question is about one article. With zero every chunk and question is background text alone (<em>uniform</em>):
/// chunks then all sit near the vocabulary's mean vector and questions near none of them, the hardest case for an
/// approximate vector index.
/// </remarks>
public sealed class SyntheticCorpus(IReadOnlyList<string> vocabulary, int seed, double topicShare = 0)
{
    private const int TopicWords = 24;
    private const int CommonWordsSkipped = 100;
    private const int QuestionTopicWords = 4;

    private readonly Random _random = new(seed);

    public bool IsTopical => topicShare > 0;

    /// <summary>Background text: words at their Zipf-like frequencies.</summary>
    public string Text(int words)
    {
        var parts = new string[words];
        for (var i = 0; i < words; i++)
        {
            parts[i] = BackgroundWord();
        }
        return string.Join(' ', parts);
    }

    /// <summary>Text of one article: its topic words make up the topic share, background words the rest.</summary>
    public string Text(int document, int words)
    {
        if (!IsTopical)
        {
            return Text(words);
        }
        var topic = Topic(document);
        var parts = new string[words];
        for (var i = 0; i < words; i++)
        {
            parts[i] = _random.NextDouble() < topicShare ? topic[_random.Next(topic.Length)] : BackgroundWord();
        }
        return string.Join(' ', parts);
    }

    /// <summary>A question: about one of the first <paramref name="documents"/> articles when topical (a few of its words among background words).</summary>
    public string Question(int documents, int words)
    {
        if (!IsTopical)
        {
            return Text(words);
        }
        var topic = Topic(_random.Next(documents));
        var parts = new string[words];
        for (var i = 0; i < words; i++)
        {
            parts[i] = i < QuestionTopicWords ? topic[_random.Next(topic.Length)] : BackgroundWord();
        }
        _random.Shuffle(parts);
        return string.Join(' ', parts);
    }

    private string BackgroundWord()
    {
        // Inverse-CDF of a 1/rank distribution: common words often, rare words sometimes.
        var rank = (int)Math.Floor(Math.Pow(vocabulary.Count, _random.NextDouble())) - 1;
        return vocabulary[Math.Clamp(rank, 0, vocabulary.Count - 1)];
    }

    /// <summary>An article's topic words, from the vocabulary past its most common words; seeded by the article alone.</summary>
    private string[] Topic(int document)
    {
        var random = new Random(unchecked(document * 7919 + 17));
        var first = Math.Min(CommonWordsSkipped, vocabulary.Count - 1);
        return Enumerable.Range(0, TopicWords).Select(_ => vocabulary[random.Next(first, vocabulary.Count)]).ToArray();
    }
}
