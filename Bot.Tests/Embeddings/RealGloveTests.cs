using System.Diagnostics;
using System.Numerics.Tensors;
using Bot.Knowledge.Embeddings;
using Bot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Bot.Tests.Embeddings;

/// <summary>Checks on the real GloVe file; skipped when scripts/fetch-glove.sh has not been run.</summary>
public sealed class RealGloveTests(ITestOutputHelper output)
{
    [RealGloveFact]
    public void Reset_my_password_is_closer_to_forgot_password_login_than_to_refund_invoice()
    {
        var generator = GloveSifEmbeddingGenerator.Load(RealGloveFactAttribute.RealGlovePath);

        var query = Embed(generator, "reset my password");
        var near = TensorPrimitives.Dot(query, Embed(generator, "forgot password login"));
        var far = TensorPrimitives.Dot(query, Embed(generator, "refund invoice"));

        output.WriteLine($"cosine to 'forgot password login' {near:F3}, to 'refund invoice' {far:F3}");
        Assert.True(near > far + 0.1f, $"near {near}, far {far}");
    }

    [RealGloveFact]
    public void Real_file_loads_as_glove_sif_100d()
    {
        var clock = Stopwatch.StartNew();
        var model = GloveSifModel.Load(RealGloveFactAttribute.RealGlovePath);
        output.WriteLine($"loaded {model.Count} words in {clock.ElapsedMilliseconds} ms");

        Assert.Equal(100, model.Dimensions);
        Assert.True(model.Count > 300_000);
        Assert.Equal("glove-sif-100d", new GloveSifEmbeddingGenerator(model).Name);
        Assert.True(model.Weight(model.IndexOf("the")) < 0.05f);
        Assert.True(model.Weight(model.IndexOf("invoice")) > 0.9f);
    }

    [RealGloveFact]
    public async Task Embeds_sample_articles_at_more_than_500_chunks_per_second()
    {
        var generator = GloveSifEmbeddingGenerator.Load(RealGloveFactAttribute.RealGlovePath);
        var chunks = Directory.GetFiles(RepoPaths.SampleArticles, "*.md")
            .SelectMany(file => File.ReadAllText(file).Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
            .Where(paragraph => paragraph.Length > 40)
            .ToList();
        Assert.NotEmpty(chunks);

        var clock = Stopwatch.StartNew();
        var embedded = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(1))
        {
            embedded += (await generator.GenerateAsync(chunks)).Count;
        }
        var perSecond = embedded / clock.Elapsed.TotalSeconds;

        output.WriteLine($"{perSecond:F0} chunks/s over {chunks.Count} paragraphs of the sample articles");
        Assert.True(perSecond >= 500, $"{perSecond:F0} chunks/s");
    }

    private static float[] Embed(GloveSifEmbeddingGenerator generator, string text)
    {
        var vector = new float[generator.Model.Dimensions];
        generator.Embed(text, vector);
        return vector;
    }
}
