using Bot.Knowledge.Embeddings;

namespace Bot.Tests.Embeddings;

public sealed class GloveSifModelTests
{
    [Theory]
    [InlineData(GloveSifElementType.Float32)]
    [InlineData(GloveSifElementType.Float16)]
    public void Written_file_loads_with_the_same_words_weights_vectors_and_component(GloveSifElementType elementType)
    {
        using var temp = new TempDirectory();
        var path = TinyGlove.WriteFile(temp.Path, elementType);

        var model = GloveSifModel.Load(path);

        Assert.Equal(TinyGlove.Dimensions, model.Dimensions);
        Assert.Equal(TinyGlove.Words.Length, model.Count);
        Assert.Equal(elementType, model.ElementType);
        Assert.Equal(TinyGlove.Component, model.CommonComponent.ToArray());
        Assert.Equal(SifWeighting.DefaultA, model.SifA);
        var vector = new float[TinyGlove.Dimensions];
        for (var i = 0; i < TinyGlove.Words.Length; i++)
        {
            var (word, weight, expected) = TinyGlove.Words[i];
            Assert.Equal(i, model.IndexOf(word));
            Assert.Equal(word, model.Word(i));
            Assert.Equal(weight, model.Weight(i));
            model.CopyVector(i, vector);
            for (var d = 0; d < TinyGlove.Dimensions; d++)
            {
                // float16 keeps about 3 significant digits.
                Assert.Equal(expected[d], vector[d], elementType == GloveSifElementType.Float16 ? 2e-3f : 0f);
            }
        }
    }

    [Fact]
    public void Unknown_and_empty_words_are_not_found()
    {
        var model = TinyGlove.Create();

        Assert.Equal(-1, model.IndexOf("zebra"));
        Assert.Equal(-1, model.IndexOf(""));
        Assert.Equal(-1, model.IndexOf("Reset"));
        Assert.Equal(-1, model.IndexOf("resets"));
    }

    [Fact]
    public void Float16_file_is_about_half_the_size_of_float32()
    {
        using var temp = new TempDirectory();
        var words = Enumerable.Range(0, 2000).Select(i => "w" + i).ToArray();
        var vectors = Enumerable.Range(0, words.Length * 50).Select(i => (float)Math.Sin(i)).ToArray();
        var weights = Enumerable.Repeat(1f, words.Length).ToArray();
        var component = new float[50];
        var path32 = Path.Combine(temp.Path, "32.bin");
        var path16 = Path.Combine(temp.Path, "16.bin");

        GloveSifModel.Create(words, vectors, 50, weights, component, 1e-3f, GloveSifElementType.Float32).Save(path32);
        GloveSifModel.Create(words, vectors, 50, weights, component, 1e-3f, GloveSifElementType.Float16).Save(path16);

        var ratio = new FileInfo(path16).Length / (double)new FileInfo(path32).Length;
        Assert.InRange(ratio, 0.5, 0.6);
        Assert.Equal(words.Length, GloveSifModel.Load(path16).Count);
    }

    [Fact]
    public void Duplicate_words_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => GloveSifModel.Create(
            ["a", "a"], new float[4], 2, [1f, 1f], new float[2], 1e-3f));

        Assert.Contains("'a'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Foreign_file_is_rejected_with_a_message_naming_the_fix()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "not-glove.bin");
        File.WriteAllBytes(path, new byte[128]);

        var error = Assert.Throws<InvalidDataException>(() => GloveSifModel.Load(path));

        Assert.Contains("fetch-glove.sh", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_file_is_rejected_with_a_message_naming_the_fix()
    {
        using var temp = new TempDirectory();
        var path = TinyGlove.WriteFile(temp.Path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^10]);

        var error = Assert.Throws<InvalidDataException>(() => GloveSifModel.Load(path));

        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shared_load_reads_an_unchanged_file_once()
    {
        using var temp = new TempDirectory();
        var path = TinyGlove.WriteFile(temp.Path);

        var first = GloveSifModel.LoadShared(path);
        var second = GloveSifModel.LoadShared(path);

        Assert.Same(first, second);
    }
}
