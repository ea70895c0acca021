using Bot.Knowledge.Embeddings;

namespace Bot.Tests.Embeddings;

public sealed class HashingEmbeddingGeneratorTests
{
    private readonly HashingEmbeddingGenerator _generator = new();

    [Fact]
    public async Task Vectors_have_256_dimensions_and_unit_length()
    {
        var vector = (await _generator.GenerateAsync(["How do I reset my password?"]))[0].Vector.ToArray();

        Assert.Equal(256, vector.Length);
        Assert.Equal(1, Math.Sqrt(vector.Sum(v => (double)v * v)), 5);
    }

    [Fact]
    public async Task Same_text_gives_the_same_vector_in_any_process()
    {
        var first = (await _generator.GenerateAsync(["Refund my invoice"]))[0].Vector.ToArray();
        var second = (await new HashingEmbeddingGenerator().GenerateAsync(["refund MY invoice!"]))[0].Vector.ToArray();

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Shared_words_score_higher_than_unrelated_text()
    {
        var query = await Vector("reset my password");

        var related = Cosine(query, await Vector("password reset link expired"));
        var unrelated = Cosine(query, await Vector("refund an annual invoice"));

        Assert.True(related > unrelated + 0.2, $"related {related}, unrelated {unrelated}");
    }

    [Fact]
    public async Task Character_trigrams_tolerate_typos()
    {
        var query = await Vector("pasword resett");

        var typo = Cosine(query, await Vector("password reset"));
        var unrelated = Cosine(query, await Vector("billing address"));

        Assert.True(typo > unrelated + 0.2, $"typo {typo}, unrelated {unrelated}");
    }

    [Fact]
    public async Task Repeated_words_count_sublinearly()
    {
        var once = await Vector("refund password");
        var many = await Vector("refund refund refund refund refund refund refund refund password");

        // With raw counts "password" would almost vanish; 1 + ln(8) keeps it visible.
        Assert.True(Cosine(once, many) > 0.8, $"cosine {Cosine(once, many)}");
    }

    [Theory]
    [InlineData("")]
    [InlineData("?!")]
    public async Task Text_without_words_gives_a_zero_vector(string text)
    {
        Assert.All(await Vector(text), v => Assert.Equal(0f, v));
    }

    private async Task<float[]> Vector(string text) => (await _generator.GenerateAsync([text]))[0].Vector.ToArray();

    private static double Cosine(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();
}
