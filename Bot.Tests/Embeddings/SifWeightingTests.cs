using Bot.Knowledge.Embeddings;

namespace Bot.Tests.Embeddings;

public sealed class SifWeightingTests
{
    [Fact]
    public void Zipf_probabilities_sum_to_one_and_fall_with_rank()
    {
        const int size = 1000;
        var probabilities = Enumerable.Range(1, size).Select(rank => SifWeighting.ZipfProbability(rank, size)).ToArray();

        Assert.Equal(1.0, probabilities.Sum(), 9);
        Assert.Equal(probabilities[0] / 10, probabilities[9], 12);
    }

    [Fact]
    public void Weight_is_a_over_a_plus_p()
    {
        Assert.Equal(0.5f, SifWeighting.Weight(1e-3), 6);
        Assert.Equal(1e-3f / (1e-3f + 0.05f), SifWeighting.Weight(0.05), 6);
        Assert.True(SifWeighting.Weight(1e-7) > 0.999f);
    }

    [Fact]
    public void Built_model_weights_frequent_words_down_and_rare_words_near_one()
    {
        var words = Enumerable.Range(0, 5000).Select(i => "w" + i).ToArray();
        var vectors = Enumerable.Range(0, words.Length * 3).Select(i => (float)Math.Cos(i)).ToArray();

        var model = SifWeighting.Build(words, vectors, 3, elementType: GloveSifElementType.Float32);

        var weights = Enumerable.Range(0, model.Count).Select(model.Weight).ToArray();
        Assert.True(weights[0] < 0.02f, $"the most frequent word weighs {weights[0]}");
        Assert.True(weights[^1] > 0.95f, $"the rarest word weighs {weights[^1]}");
        Assert.True(weights.Zip(weights.Skip(1)).All(pair => pair.First <= pair.Second), "weights rise with rank");
        Assert.Equal(SifWeighting.Weight(SifWeighting.ZipfProbability(10, words.Length)), weights[9], 6);
    }

    [Fact]
    public void Common_component_is_the_direction_all_words_share()
    {
        // Every word is a random direction in the first three axes plus a large shared offset on the fourth.
        var random = new Random(7);
        var words = Enumerable.Range(0, 3000).Select(i => "w" + i).ToArray();
        var vectors = new float[words.Length * 4];
        for (var i = 0; i < words.Length; i++)
        {
            for (var d = 0; d < 3; d++)
            {
                vectors[(i * 4) + d] = (float)(random.NextDouble() * 2 - 1);
            }
            vectors[(i * 4) + 3] = 3;
        }

        var model = SifWeighting.Build(words, vectors, 4, elementType: GloveSifElementType.Float32);

        var component = model.CommonComponent.ToArray();
        Assert.Equal(1, Math.Sqrt(component.Sum(v => (double)v * v)), 5);
        Assert.True(component[3] > 0.99f, $"component [{string.Join(", ", component)}]");
    }

    [Fact]
    public void Punctuation_entries_do_not_count_towards_the_common_component()
    {
        // "," is frequent and points along the first axis; words point along the second.
        string[] words = [",", "alpha", "beta", "gamma"];
        float[] vectors = [10, 0, 0, 0, 1, 0.1f, 0, 1, -0.1f, 0.1f, 1, 0];

        var model = SifWeighting.Build(words, vectors, 3, elementType: GloveSifElementType.Float32);

        Assert.True(Math.Abs(model.CommonComponent[1]) > 0.99f, $"component [{string.Join(", ", model.CommonComponent.ToArray())}]");
    }
}
