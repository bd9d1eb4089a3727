using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Switchyard.Caching.Embeddings;

namespace Switchyard.Tests.Caching;

public sealed class HashingEmbeddingGeneratorTests
{
    private readonly HashingEmbeddingGenerator _embedder = new();

    private float Similarity(string a, string b) => TensorPrimitives.Dot(_embedder.Embed(a), _embedder.Embed(b));

    [Fact]
    public async Task GenerateAsync_ReturnsUnitVectorsOfTheConfiguredDimensions()
    {
        IEmbeddingGenerator<string, Embedding<float>> generator = new HashingEmbeddingGenerator(512);

        var embeddings = await generator.GenerateAsync(["How do I reset my password?", "What is the capital of France?"]);

        Assert.Equal(2, embeddings.Count);
        Assert.All(embeddings, e =>
        {
            Assert.Equal(512, e.Vector.Length);
            Assert.Equal(1f, TensorPrimitives.Norm(e.Vector.Span), 4);
        });
    }

    [Fact]
    public void Embed_IsTheSameInEveryInstance()
    {
        Assert.Equal(new HashingEmbeddingGenerator().Embed("stable across processes"), _embedder.Embed("stable across processes"));
    }

    [Fact]
    public void Embed_IgnoresCaseAndPunctuation()
    {
        Assert.Equal(1f, Similarity("How do I reset my password?", "how do i reset my password"), 4);
    }

    [Fact]
    public void Embed_RewordingIsCloserThanAnUnrelatedQuestionWithTheSameFunctionWords()
    {
        var rewording = Similarity("How do I reset my router password?", "How can I reset the password of my router?");
        var unrelated = Similarity("How do I reset my router password?", "How do I bake my sourdough bread?");

        Assert.True(rewording > unrelated + 0.2f, $"rewording {rewording}, unrelated {unrelated}");
    }

    [Fact]
    public void Embed_DifferentContentWords_FallBelowTheDefaultThreshold()
    {
        Assert.True(Similarity("How do I learn Java?", "How do I learn Python?") < HashingEmbeddingGenerator.DefaultThreshold);
    }

    [Fact]
    public void Embed_TextWithoutWords_IsTheZeroVector()
    {
        Assert.All(_embedder.Embed("?!  ..."), x => Assert.Equal(0f, x));
    }

    [Fact]
    public void GetService_ReturnsMetadataNamingTheDimensions()
    {
        IEmbeddingGenerator<string, Embedding<float>> generator = _embedder;

        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();

        Assert.Equal(HashingEmbeddingGenerator.DefaultDimensions, metadata!.DefaultModelDimensions);
        Assert.Same(_embedder, generator.GetService<HashingEmbeddingGenerator>());
    }

    [Fact]
    public void Registry_ResolvesTheLocalEmbedderByName()
    {
        var registry = new EmbeddingGeneratorRegistry();

        Assert.True(registry.TryGet("HASHING", out var generator));
        Assert.IsType<HashingEmbeddingGenerator>(generator);
        Assert.False(registry.TryGet("text-embedding-3-small", out _));
    }
}
