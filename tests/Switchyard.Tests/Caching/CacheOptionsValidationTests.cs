using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Switchyard.Caching;
using Switchyard.Hosting;

namespace Switchyard.Tests.Caching;

public sealed class CacheOptionsValidationTests
{
    private static CacheOptions Resolve(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build();
        using var services = new ServiceCollection().AddSwitchyardGrains(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<CacheOptions>>().Value;
    }

    [Fact]
    public void Options_WithAnUnregisteredEmbedder_FailNamingTheSetting()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(("Switchyard:Cache:Embedder", "text-embedding-3-small")));

        Assert.Contains("Switchyard:Cache:Embedder", error.Message);
    }

    [Fact]
    public void Options_WithAThresholdOutsideZeroToOne_Fail()
    {
        Assert.Throws<OptionsValidationException>(() => Resolve(("Switchyard:Cache:TaskTypes:legal:SimilarityThreshold", "1.5")));
    }

    [Fact]
    public void Options_ByDefault_UseTheLocalEmbedderAndItsCalibratedThreshold()
    {
        var options = Resolve();

        Assert.Equal("hashing", options.Embedder);
        Assert.Null(options.SimilarityThreshold);
    }

    [Fact]
    public void Options_NamingAnEmbeddingModelOfTheCatalog_UseItAndItsThreshold()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Switchyard:Models:embed:Kind"] = "embedding",
            ["Switchyard:Models:embed:Provider"] = "openai-compatible",
            ["Switchyard:Models:embed:Endpoint"] = "http://127.0.0.1:9/v1",
            ["Switchyard:Models:embed:InputPerMillion"] = "0.02",
            ["Switchyard:Models:embed:SimilarityThreshold"] = "0.91",
            ["Switchyard:Cache:Embedder"] = "embed",
        }).Build();
        using var services = new ServiceCollection().AddSwitchyardGrains(configuration).BuildServiceProvider();

        Assert.Equal("embed", services.GetRequiredService<IOptions<CacheOptions>>().Value.Embedder);
        Assert.Equal(0.91f, services.GetRequiredService<Switchyard.Caching.Embeddings.EmbeddingGeneratorRegistry>().ThresholdOf("embed"));
    }

    [Theory]
    [InlineData("InputPerMillion")]
    [InlineData("SimilarityThreshold")]
    public void Options_AnEmbeddingModelWithoutItsPriceOrThreshold_FailNamingTheSetting(string missing)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Switchyard:Models:embed:Kind"] = "embedding",
            ["Switchyard:Models:embed:Provider"] = "openai-compatible",
            ["Switchyard:Models:embed:Endpoint"] = "http://127.0.0.1:9/v1",
            ["Switchyard:Models:embed:InputPerMillion"] = "0.02",
            ["Switchyard:Models:embed:SimilarityThreshold"] = "0.91",
            ["Switchyard:Cache:Embedder"] = "embed",
        };
        settings.Remove("Switchyard:Models:embed:" + missing);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddSwitchyardGrains(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<CacheOptions>>().Value);

        Assert.Contains("Switchyard:Models:embed:" + missing, error.Message);
    }
}
