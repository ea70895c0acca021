using Bot.Knowledge.Learning;

namespace Bot.Tests.Learning;

public sealed class QuestionTermsTests
{
    [Theory]
    [InlineData("cancels", "cancel")]
    [InlineData("canceled", "cancel")]
    [InlineData("invoices", "invoic")]
    [InlineData("invoiced", "invoic")]
    [InlineData("invoice", "invoic")]
    [InlineData("refunded", "refund")]
    [InlineData("monthly", "month")]
    [InlineData("charges", "charg")]
    [InlineData("companies", "company")]
    [InlineData("running", "run")]
    [InlineData("class", "class")]
    public void Inflections_reduce_to_the_same_stem(string word, string stem) => Assert.Equal(stem, QuestionTerms.Stem(word));

    [Fact]
    public void Stop_words_and_punctuation_are_dropped()
    {
        Assert.Equal(["linux", "sync"], QuestionTerms.Of("How do I sync on Linux?"));
        Assert.Empty(QuestionTerms.Of("what is it?"));
        Assert.Empty(QuestionTerms.Of("🙂🙂"));
    }

    [Fact]
    public void Overlap_is_the_dice_coefficient()
    {
        Assert.Equal(1.0, QuestionTerms.Overlap(["a", "b"], ["b", "a"]));
        Assert.Equal(0.5, QuestionTerms.Overlap(["a", "b"], ["b", "c"]));
        Assert.Equal(0.0, QuestionTerms.Overlap([], ["a"]));
    }
}
