using Bot.Knowledge.Learning;
using Bot.Knowledge.Search;

namespace Bot.Tests.Learning;

public sealed class RetrievalAnchorsTests
{
    [Fact]
    public void Documents_are_weighted_by_rank_once_each_and_scaled_to_unit_length()
    {
        var anchors = RetrievalAnchors.Of([Hit(7), Hit(7), Hit(3), Hit(9)], depth: 2);

        Assert.Equal([7L, 3L], anchors.DocumentIds);
        Assert.Equal(2, anchors.Weights[0] / anchors.Weights[1], 6);
        Assert.Equal(1, Math.Sqrt(anchors.Weights.Sum(w => w * w)), 6);
    }

    [Fact]
    public void Two_rankings_add_up_where_they_agree()
    {
        var anchors = RetrievalAnchors.Combine([[Hit(1), Hit(2)], [Hit(2), Hit(3)]], depth: 5);

        Assert.Equal([1L, 2L, 3L], anchors.DocumentIds);
        Assert.True(anchors.Weights[1] > anchors.Weights[0], "document 2 is in both rankings");
        Assert.Equal(anchors.Weights[0], 2 * anchors.Weights[2], 6);
    }

    [Fact]
    public void No_hits_no_anchors()
    {
        Assert.True(RetrievalAnchors.Of([], depth: 5).IsEmpty);
        Assert.Throws<ArgumentOutOfRangeException>(() => RetrievalAnchors.Of([Hit(1)], depth: 0));
    }

    private static KnowledgeHit Hit(long documentId) =>
        new(documentId * 100, documentId, $"Article {documentId}", null, "", "text", null, 1, 1, 1);
}
