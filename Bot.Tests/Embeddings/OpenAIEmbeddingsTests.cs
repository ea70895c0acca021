using Bot.Knowledge.Embeddings;

namespace Bot.Tests.Embeddings;

/// <summary>The real OpenAI client against a local OpenAI-compatible server (no mocking of the client).</summary>
public sealed class OpenAIEmbeddingsTests
{
    [Fact]
    public async Task OpenAI_provider_sends_model_key_and_texts_and_returns_unit_vectors()
    {
        await using var server = await FakeOpenAIServer.StartAsync("/v1");
        server.Dimensions = 1536;
        var (generator, info) = OpenAIEmbeddings.Create(new EmbeddingOptions
        {
            Provider = EmbeddingProvider.OpenAI,
            Endpoint = new Uri(server.Address, "/v1"),
            ApiKey = "sk-test",
        });
        using var _ = generator;

        var embeddings = await generator.GenerateAsync(["reset my password", "refund"]);

        Assert.Equal(new EmbedderInfo("openai:text-embedding-3-small", 1536), info);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/embeddings", request.Path);
        Assert.Equal("Bearer sk-test", request.Authorization);
        Assert.Equal("text-embedding-3-small", request.Model);
        Assert.Equal(["reset my password", "refund"], request.Inputs);
        AssertClose(FakeOpenAIServer.ExpectedVector("reset my password", 1536), embeddings[0].Vector.ToArray());
        AssertClose(FakeOpenAIServer.ExpectedVector("refund", 1536), embeddings[1].Vector.ToArray());
    }

    [Fact]
    public async Task Configured_dimensions_are_requested_from_openai()
    {
        await using var server = await FakeOpenAIServer.StartAsync("/v1");
        var (generator, info) = OpenAIEmbeddings.Create(new EmbeddingOptions
        {
            Provider = EmbeddingProvider.OpenAI,
            Endpoint = new Uri(server.Address, "/v1/"),
            ApiKey = "sk-test",
            Model = "text-embedding-3-large",
            Dimensions = 256,
        });
        using var _ = generator;

        var embeddings = await generator.GenerateAsync(["invoice"]);

        Assert.Equal(256, info.Dimensions);
        Assert.Equal(256, Assert.Single(server.Requests).Dimensions);
        Assert.Equal(256, embeddings[0].Vector.Length);
    }

    [Fact]
    public async Task Large_batches_are_split_into_requests_of_batch_size()
    {
        await using var server = await FakeOpenAIServer.StartAsync("/v1");
        server.Dimensions = 768;
        var (generator, _) = OpenAIEmbeddings.Create(new EmbeddingOptions
        {
            Provider = EmbeddingProvider.Ollama,
            Endpoint = new Uri(server.Address, "/v1"),
            BatchSize = 4,
        });
        using var __ = generator;
        var texts = Enumerable.Range(0, 10).Select(i => new string('x', i + 1)).ToArray();

        var embeddings = await generator.GenerateAsync(texts);

        Assert.Equal([4, 4, 2], server.Requests.Select(r => r.Inputs.Count));
        for (var i = 0; i < texts.Length; i++)
        {
            AssertClose(FakeOpenAIServer.ExpectedVector(texts[i], 768), embeddings[i].Vector.ToArray());
        }
    }

    [Fact]
    public async Task Ollama_provider_uses_its_default_model_and_no_key_of_its_own()
    {
        await using var server = await FakeOpenAIServer.StartAsync("/v1");
        server.Dimensions = 768;
        var (generator, info) = OpenAIEmbeddings.Create(new EmbeddingOptions
        {
            Provider = EmbeddingProvider.Ollama,
            Endpoint = new Uri(server.Address, "/v1"),
        });
        using var _ = generator;

        await generator.GenerateAsync(["hello"]);

        Assert.Equal(new EmbedderInfo("ollama:nomic-embed-text", 768), info);
        var request = Assert.Single(server.Requests);
        Assert.Equal("nomic-embed-text", request.Model);
        Assert.Null(request.Dimensions);
    }

    [Fact]
    public async Task Azure_provider_calls_the_deployment_on_the_resource_v1_endpoint_with_api_key()
    {
        await using var server = await FakeOpenAIServer.StartAsync("/openai/v1");
        var (generator, info) = OpenAIEmbeddings.Create(new EmbeddingOptions
        {
            Provider = EmbeddingProvider.AzureOpenAI,
            Endpoint = server.Address,
            ApiKey = "azure-key",
            Model = "my-embeddings",
            Dimensions = 8,
        });
        using var _ = generator;

        await generator.GenerateAsync(["hello"]);

        Assert.Equal(new EmbedderInfo("azureopenai:my-embeddings", 8), info);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/openai/v1/embeddings", request.Path);
        Assert.Equal("azure-key", request.ApiKey);
        Assert.Equal("my-embeddings", request.Model);
    }

    [Fact]
    public async Task Vectors_of_another_length_than_configured_fail_loudly()
    {
        await using var server = await FakeOpenAIServer.StartAsync("/v1");
        server.Dimensions = 384;
        var (generator, _) = OpenAIEmbeddings.Create(new EmbeddingOptions
        {
            Provider = EmbeddingProvider.Ollama,
            Endpoint = new Uri(server.Address, "/v1"),
            Model = "nomic-embed-text",
        });
        using var __ = generator;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => generator.GenerateAsync(["hello"]));

        Assert.Contains("Embeddings:Dimensions", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EmbeddingProvider.OpenAI, null, null, "ApiKey")]
    [InlineData(EmbeddingProvider.AzureOpenAI, "key", null, "Model")]
    [InlineData(EmbeddingProvider.Ollama, null, "some-new-model", "Dimensions")]
    public void Missing_settings_are_named_in_the_error(EmbeddingProvider provider, string? apiKey, string? model, string setting)
    {
        var error = Assert.Throws<InvalidOperationException>(() => OpenAIEmbeddings.Create(new EmbeddingOptions
        {
            Provider = provider,
            ApiKey = apiKey,
            Model = model,
            Endpoint = new Uri("http://127.0.0.1:9/"),
        }));

        Assert.Contains("Embeddings:" + setting, error.Message, StringComparison.Ordinal);
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) < 1e-5f, $"differs at {i}: {actual[i]} vs {expected[i]}");
        }
    }
}
