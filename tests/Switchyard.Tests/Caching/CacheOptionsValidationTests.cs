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
        Assert.Equal(Switchyard.Caching.Embeddings.HashingEmbeddingGenerator.DefaultThreshold, options.SimilarityThreshold);
    }
}
