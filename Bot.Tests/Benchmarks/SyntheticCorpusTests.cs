using Bot.Benchmarks;

namespace Bot.Tests.Benchmarks;

public sealed class SyntheticCorpusTests
{
    private static readonly IReadOnlyList<string> Vocabulary =
        Enumerable.Range(0, 2_000).Select(i => $"w{i}").ToList();

    [Fact]
    public void Uniform_article_text_is_the_background_text_for_the_same_seed()
    {
        var plain = new SyntheticCorpus(Vocabulary, seed: 3);
        var byArticle = new SyntheticCorpus(Vocabulary, seed: 3);

        Assert.False(byArticle.IsTopical);
        Assert.Equal(plain.Text(60), byArticle.Text(document: 12, words: 60));
        Assert.Equal(plain.Text(6), byArticle.Question(documents: 100, words: 6));
    }

    [Fact]
    public void Topical_chunks_of_one_article_share_its_words_whatever_the_seed()
    {
        var first = new SyntheticCorpus(Vocabulary, seed: 1, topicShare: 0.4);
        var second = new SyntheticCorpus(Vocabulary, seed: 2, topicShare: 0.4);

        var sameArticle = Overlap(first.Text(7, 200), second.Text(7, 200));
        var otherArticle = Overlap(first.Text(7, 200), second.Text(8, 200));

        Assert.True(first.IsTopical);
        Assert.True(sameArticle > 2 * otherArticle, $"same article {sameArticle:F2}, other article {otherArticle:F2}");
    }

    [Fact]
    public void Topical_question_is_about_one_article()
    {
        var corpus = new SyntheticCorpus(Vocabulary, seed: 5, topicShare: 0.4);
        var question = corpus.Question(documents: 1, words: 6).Split(' ');
        var article = corpus.Text(0, 2_000).Split(' ').ToHashSet();

        Assert.Equal(6, question.Length);
        Assert.True(question.Count(article.Contains) >= 4, string.Join(' ', question));
    }

    private static double Overlap(string a, string b)
    {
        var left = a.Split(' ').Where(w => int.Parse(w[1..], System.Globalization.CultureInfo.InvariantCulture) >= 100).ToHashSet();
        var right = b.Split(' ').Where(w => int.Parse(w[1..], System.Globalization.CultureInfo.InvariantCulture) >= 100).ToHashSet();
        return left.Intersect(right).Count() / (double)Math.Max(1, left.Union(right).Count());
    }
}
