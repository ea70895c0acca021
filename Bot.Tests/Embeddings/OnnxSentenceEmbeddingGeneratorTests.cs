using Bot.Knowledge.Embeddings;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Embeddings;

/// <summary>
/// Runs the generator on the tiny models of Bot.Tests/TestData/embeddings/onnx (made by generate.mjs there): the
/// model's output is a lookup of each token's row in <see cref="E"/>, so the expected sentence vector is the mean
/// of those rows over the real tokens ([CLS] ... [SEP]), normalised.
/// </summary>
public sealed class OnnxSentenceEmbeddingGeneratorTests
{
    // Copies of generate.mjs' VOCAB and E.
    private static readonly string[] Vocabulary =
        ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "reset", "my", "password", "forgot", "login", "refund", "invoice", "##s", "the", "a"];

    private static readonly float[][] E =
    [
        [100, -100, 100, -100], [0, 0, 0, 0.5f], [0.1f, 0, 0, 0], [0, 0.1f, 0, 0], [0, 0, 0, 0],
        [1, 0, 0, 0], [0, 0, 0.2f, 0], [0.8f, 0.6f, 0, 0], [0.9f, 0.1f, 0, 0], [0.7f, 0.7f, 0, 0],
        [0, 0, 1, 0], [0, 0, 0.8f, 0.6f], [0, 0, 0, 0.1f], [0.05f, 0.05f, 0.05f, 0.05f], [0.02f, 0.02f, 0.02f, 0.02f],
    ];

    private static string ModelFolder(string name) => Path.Combine(RepoPaths.Root, "Bot.Tests", "TestData", "embeddings", "onnx", name);

    [Theory]
    [InlineData("tiny-bert")]
    [InlineData("tiny-bert-no-types")]
    public async Task Embedding_is_the_mean_of_token_vectors_at_unit_length(string model)
    {
        using var generator = new OnnxSentenceEmbeddingGenerator(ModelFolder(model));

        var vector = (await generator.GenerateAsync(["Reset my password"]))[0].Vector.ToArray();

        AssertClose(Expected("[CLS]", "reset", "my", "password", "[SEP]"), vector);
        Assert.Equal("onnx:" + model, generator.Name);
        Assert.Equal(4, generator.Dimensions);
    }

    [Fact]
    public async Task Padding_in_a_batch_does_not_leak_into_shorter_texts()
    {
        // [PAD]'s row is huge: any padded position counted in the mean would swamp the result.
        using var generator = new OnnxSentenceEmbeddingGenerator(ModelFolder("tiny-bert"), batchSize: 8);

        var embeddings = await generator.GenerateAsync(["refund", "forgot my password login the a", "invoices", "zzz"]);

        AssertClose(Expected("[CLS]", "refund", "[SEP]"), embeddings[0].Vector.ToArray());
        AssertClose(Expected("[CLS]", "forgot", "my", "password", "login", "the", "a", "[SEP]"), embeddings[1].Vector.ToArray());
        AssertClose(Expected("[CLS]", "invoice", "##s", "[SEP]"), embeddings[2].Vector.ToArray());
        AssertClose(Expected("[CLS]", "[UNK]", "[SEP]"), embeddings[3].Vector.ToArray());
    }

    [Fact]
    public async Task Texts_keep_their_order_across_batches()
    {
        using var generator = new OnnxSentenceEmbeddingGenerator(ModelFolder("tiny-bert"), batchSize: 2);
        string[] texts = ["forgot my password login the a", "refund", "reset", "login login", "invoice"];

        var embeddings = await generator.GenerateAsync(texts);
        using var one = new OnnxSentenceEmbeddingGenerator(ModelFolder("tiny-bert"), batchSize: 1);

        Assert.Equal(texts.Length, embeddings.Count);
        for (var i = 0; i < texts.Length; i++)
        {
            AssertClose((await one.GenerateAsync([texts[i]]))[0].Vector.ToArray(), embeddings[i].Vector.ToArray());
        }
    }

    [Fact]
    public async Task Long_text_is_cut_at_the_max_sequence_length_with_sep_kept()
    {
        using var generator = new OnnxSentenceEmbeddingGenerator(ModelFolder("tiny-bert"), maxSequenceLength: 4);

        var vector = (await generator.GenerateAsync(["reset my password forgot login"]))[0].Vector.ToArray();

        AssertClose(Expected("[CLS]", "reset", "my", "[SEP]"), vector);
    }

    [Fact]
    public void Folder_without_the_model_files_is_a_clear_error()
    {
        using var temp = new TempDirectory();

        var error = Assert.Throws<FileNotFoundException>(() => new OnnxSentenceEmbeddingGenerator(temp.Path));

        Assert.Contains("fetch-onnx-model.sh", error.Message, StringComparison.Ordinal);
        Assert.False(OnnxSentenceEmbeddingGenerator.IsModelFolder(temp.Path));
        Assert.True(OnnxSentenceEmbeddingGenerator.IsModelFolder(ModelFolder("tiny-bert")));
    }

    private static float[] Expected(params string[] tokens)
    {
        var sum = new float[4];
        foreach (var token in tokens)
        {
            var row = E[Array.IndexOf(Vocabulary, token)];
            for (var d = 0; d < 4; d++)
            {
                sum[d] += row[d];
            }
        }
        var norm = MathF.Sqrt(sum.Sum(v => v * v));
        return sum.Select(v => v / norm).ToArray();
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) < 1e-5f, $"[{string.Join(", ", actual)}] differs from [{string.Join(", ", expected)}]");
        }
    }
}
