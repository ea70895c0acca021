using Bot.Knowledge.Embeddings;

namespace Bot.Tests.Embeddings;

public sealed class WordTokenizerTests
{
    [Theory]
    [InlineData("Reset my PASSWORD!", "reset|my|password")]
    [InlineData("I can't log-in… (error 404)", "i|can't|log-in|error|404")]
    [InlineData("it\u2019s O\u2018Brien's e\u2010mail", "it's|o'brien's|e-mail")]
    [InlineData("-- 'quoted' - dash -", "quoted|dash")]
    [InlineData("state-of-the-art, x--y", "state-of-the-art|x|y")]
    [InlineData("", "")]
    [InlineData("   ...   ", "")]
    [InlineData("Café naïve", "café|naïve")]
    public void Splits_into_lower_case_words_keeping_inner_apostrophes_and_hyphens(string text, string expected)
    {
        Assert.Equal(expected, string.Join('|', Tokens(text)));
    }

    [Fact]
    public void Words_longer_than_the_limit_are_skipped()
    {
        var text = "short " + new string('x', WordTokenizer.MaxWordLength + 1) + " end";

        Assert.Equal(["short", "end"], Tokens(text));
    }

    private static List<string> Tokens(string text)
    {
        var result = new List<string>();
        Span<char> buffer = stackalloc char[WordTokenizer.MaxWordLength];
        foreach (var token in new WordTokenizer(text, buffer))
        {
            result.Add(token.ToString());
        }
        return result;
    }
}
