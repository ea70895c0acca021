using Bot.Knowledge.Embeddings;
using Microsoft.Extensions.AI;

namespace Bot.Tests.Embeddings;

public sealed class GloveSifEmbeddingGeneratorTests
{
    private readonly GloveSifEmbeddingGenerator _generator = new(TinyGlove.Create());

    [Fact]
    public void Embedding_is_the_sif_weighted_average_minus_the_common_component_at_unit_length()
    {
        var actual = Embed("Reset my password");

        AssertClose(TinyGlove.Expected("reset", "my", "password"), actual);
        Assert.Equal(0, actual[3], 6);
        Assert.Equal(1, Norm(actual), 5);
    }

    [Fact]
    public void Frequent_words_barely_move_the_embedding()
    {
        var cosine = Dot(Embed("reset password"), Embed("the reset the password the"));

        Assert.True(cosine > 0.99f, $"cosine {cosine}");
    }

    [Fact]
    public void Unknown_words_are_skipped()
    {
        AssertClose(Embed("reset password"), Embed("reset xyzzy password plugh"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("xyzzy plugh")]
    [InlineData("!!! ???")]
    public void Text_without_known_words_gives_a_zero_vector_not_NaN(string text)
    {
        var vector = Embed(text);

        Assert.All(vector, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Contractions_become_their_words()
    {
        AssertClose(TinyGlove.Expected("do", "not", "reset"), Embed("don't reset"));
        AssertClose(TinyGlove.Expected("can", "not", "login"), Embed("can\u2019t login"));
        AssertClose(TinyGlove.Expected("password"), Embed("password's"));
        AssertClose(TinyGlove.Expected("obrien", "reset"), Embed("O'Brien reset"));
    }

    [Fact]
    public void Hyphenated_words_are_looked_up_whole_then_by_parts()
    {
        AssertClose(TinyGlove.Expected("e-mail"), Embed("E-mail"));
        AssertClose(TinyGlove.Expected("sign", "in"), Embed("sign-in"));
    }

    [Fact]
    public void Accented_letters_fall_back_to_ascii()
    {
        AssertClose(TinyGlove.Expected("cafe", "login"), Embed("Café login"));
    }

    [Fact]
    public async Task Batch_keeps_order_and_reports_the_model()
    {
        var embeddings = await _generator.GenerateAsync(["refund invoice", "forgot login", "xyzzy"]);

        Assert.Equal(3, embeddings.Count);
        AssertClose(TinyGlove.Expected("refund", "invoice"), embeddings[0].Vector.ToArray());
        AssertClose(TinyGlove.Expected("forgot", "login"), embeddings[1].Vector.ToArray());
        Assert.All(embeddings[2].Vector.ToArray(), v => Assert.Equal(0f, v));
        Assert.All(embeddings, e => Assert.Equal("glove-sif-4d", e.ModelId));
        var metadata = _generator.GetService<EmbeddingGeneratorMetadata>();
        Assert.Equal(4, metadata?.DefaultModelDimensions);
    }

    [Fact]
    public async Task Loaded_file_gives_the_same_embeddings_as_the_model_in_memory()
    {
        using var temp = new TempDirectory();
        var path = TinyGlove.WriteFile(temp.Path, GloveSifElementType.Float16);
        using var loaded = GloveSifEmbeddingGenerator.Load(path);

        var fromFile = (await loaded.GenerateAsync(["forgot my password"]))[0].Vector.ToArray();

        AssertClose(Embed("forgot my password"), fromFile, 2e-3f);
    }

    [Fact]
    public async Task Concurrent_calls_give_the_same_results()
    {
        var expected = Embed("forgot my password");

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => _generator.GenerateAsync(["forgot my password"]))));

        Assert.All(results, r => AssertClose(expected, r[0].Vector.ToArray()));
    }

    private float[] Embed(string text)
    {
        var vector = new float[TinyGlove.Dimensions];
        _generator.Embed(text, vector);
        return vector;
    }

    private static void AssertClose(float[] expected, float[] actual, float tolerance = 1e-5f)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"[{string.Join(", ", actual)}] differs from [{string.Join(", ", expected)}] at {i}");
        }
    }

    private static float Dot(float[] a, float[] b) => a.Zip(b, (x, y) => x * y).Sum();

    private static float Norm(float[] a) => MathF.Sqrt(Dot(a, a));
}
