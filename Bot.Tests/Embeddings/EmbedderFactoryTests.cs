using Bot.Knowledge.Embeddings;
using Bot.Tests.Infrastructure;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Tests.Embeddings;

public sealed class EmbedderFactoryTests
{
    private static string TinyOnnx => Path.Combine(RepoPaths.Root, "Bot.Tests", "TestData", "embeddings", "onnx", "tiny-bert");

    [Fact]
    public void Auto_without_any_model_falls_back_to_lexical_with_a_warning_that_says_how_to_fix_it()
    {
        using var temp = new TempDirectory();
        var logger = new ListLogger();

        using var embedder = EmbedderFactory.Create(
            new EmbeddingOptions { GlovePath = Path.Combine(temp.Path, "missing.bin") }, temp.Path, logger);

        Assert.Equal(new EmbedderInfo("lexical-hash-256", 256), embedder.Info);
        Assert.False(embedder.Info.IsSemantic);
        var warning = Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning).Message;
        Assert.Contains("semantic search is OFF", warning, StringComparison.Ordinal);
        Assert.Contains("scripts/fetch-glove.sh", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auto_takes_glove_when_its_file_exists()
    {
        using var temp = new TempDirectory();
        var path = TinyGlove.WriteFile(temp.Path);
        var logger = new ListLogger();

        using var embedder = EmbedderFactory.Create(new EmbeddingOptions { GlovePath = path }, temp.Path, logger);

        Assert.Equal(new EmbedderInfo("glove-sif-4d", 4), embedder.Info);
        Assert.True(embedder.Info.IsSemantic);
        Assert.DoesNotContain(logger.Entries, e => e.Level >= LogLevel.Warning);
        Assert.IsType<CachingEmbeddingGenerator>(embedder.Generator);
        Assert.Equal(4, (await embedder.Generator.GenerateAsync(["reset password"]))[0].Vector.Length);
    }

    [Fact]
    public void Auto_prefers_an_onnx_model_over_glove()
    {
        using var temp = new TempDirectory();
        var glove = TinyGlove.WriteFile(temp.Path);

        using var embedder = EmbedderFactory.Create(
            new EmbeddingOptions { GlovePath = glove, ModelPath = TinyOnnx }, temp.Path, new ListLogger());

        Assert.Equal(new EmbedderInfo("onnx:tiny-bert", 4), embedder.Info);
    }

    [Theory]
    [InlineData(EmbeddingProvider.Glove, "scripts/fetch-glove.sh")]
    [InlineData(EmbeddingProvider.Onnx, "scripts/fetch-onnx-model.sh")]
    public void Chosen_provider_without_its_files_is_a_clear_start_up_error(EmbeddingProvider provider, string fix)
    {
        using var temp = new TempDirectory();

        var error = Assert.Throws<InvalidOperationException>(() => EmbedderFactory.Create(
            new EmbeddingOptions { Provider = provider, GlovePath = "missing.bin", ModelPath = "missing-model" }, temp.Path, new ListLogger()));

        Assert.Contains(fix, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Relative_paths_resolve_against_the_repository_root_above_the_content_root()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(Path.Combine(temp.Path, "CustomerSupportBot.sln"), "");
        var contentRoot = Directory.CreateDirectory(Path.Combine(temp.Path, "Bot")).FullName;
        using var elsewhere = new TempDirectory();

        Assert.Equal(
            Path.Combine(temp.Path, ".data", "models", "glove-sif-100d.bin"),
            EmbedderFactory.ResolvePath(EmbeddingOptions.DefaultGlovePath, contentRoot));
        Assert.Equal(Path.Combine(elsewhere.Path, "m.bin"), EmbedderFactory.ResolvePath("m.bin", elsewhere.Path));
        Assert.Equal("/opt/models/m.bin", EmbedderFactory.ResolvePath("/opt/models/m.bin", contentRoot));
    }

    [Fact]
    public async Task AddEmbeddings_registers_one_generator_and_its_info_from_configuration()
    {
        using var temp = new TempDirectory();
        var path = TinyGlove.WriteFile(temp.Path);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Embeddings:Provider"] = "glove",
            ["Embeddings:GlovePath"] = path,
            ["Embeddings:QueryCacheSize"] = "16",
        }).Build();
        var services = new ServiceCollection().AddLogging();

        services.AddEmbeddings(configuration);
        await using var provider = services.BuildServiceProvider();

        Assert.Equal(new EmbedderInfo("glove-sif-4d", 4), provider.GetRequiredService<EmbedderInfo>());
        var generator = provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        Assert.Same(generator, provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>());
        Assert.IsType<CachingEmbeddingGenerator>(generator);
        Assert.Contains(provider.GetServices<IHostedService>(), s => s.GetType().Name == "EmbedderStartup");
    }

    private sealed class ListLogger : ILogger
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Entries)
            {
                Entries.Add((logLevel, formatter(state, exception)));
            }
        }
    }
}
