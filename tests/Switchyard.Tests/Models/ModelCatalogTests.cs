using Microsoft.Extensions.Options;
using Switchyard.Models;
using Switchyard.Routing;

namespace Switchyard.Tests.Models;

public sealed class ModelCatalogTests
{
    private static ModelDeploymentOptions Priced(ModelTier tier, decimal output = 1m) =>
        new() { Tier = tier, InputPerMillion = 0.5m, OutputPerMillion = output };

    [Fact]
    public void Create_WithAnUnpricedModel_FailsNamingTheConfigurationPath()
    {
        var options = new ModelCatalogOptions();
        options.Models["free-lunch"] = new ModelDeploymentOptions { Tier = ModelTier.Cheap, InputPerMillion = 1m };

        var failure = Assert.Throws<OptionsValidationException>(() => new ModelCatalog(options));

        Assert.Contains("Switchyard:Models:free-lunch", failure.Message);
        Assert.Contains("no price", failure.Message);
    }

    [Fact]
    public void AWellKnownModelWithoutPrices_IsPricedAtItsListPrice_AndAnUnknownOneIsRefused()
    {
        var options = new ModelCatalogOptions();
        options.Models["frontier"] = new ModelDeploymentOptions { Tier = ModelTier.Frontier, Provider = "openai", ApiKey = "sk-x", Deployment = "gpt-4o" };
        options.Models["gpt-4o-mini"] = new ModelDeploymentOptions { Tier = ModelTier.Cheap, Provider = "openai", ApiKey = "sk-x" };

        var catalog = new ModelCatalog(options);

        Assert.True(catalog.TryGet("frontier", out var frontier));
        Assert.Equal(new ModelPrice(2.50m, 1.25m, 10.00m), frontier.Price);
        Assert.True(catalog.TryGet("gpt-4o-mini", out var mini));
        Assert.Equal(new ModelPrice(0.15m, 0.075m, 0.60m), mini.Price);

        var unknown = new ModelCatalogOptions();
        unknown.Models["mystery"] = new ModelDeploymentOptions { Tier = ModelTier.Cheap, Provider = "openai", ApiKey = "sk-x", Deployment = "mystery-model-9000" };
        var failure = Assert.Throws<OptionsValidationException>(() => new ModelCatalog(unknown));
        Assert.Contains("Switchyard:Models:mystery has no price", failure.Message);
    }

    [Fact]
    public void Create_WithAnUnknownProvider_Fails()
    {
        var options = new ModelCatalogOptions();
        options.Models["m"] = Priced(ModelTier.Mid);
        options.Models["m"].Provider = "carrier-pigeon";

        var failure = Assert.Throws<OptionsValidationException>(() => new ModelCatalog(options));

        Assert.Contains("carrier-pigeon", failure.Message);
    }

    [Fact]
    public void Create_WithNoModels_Fails()
    {
        Assert.Throws<OptionsValidationException>(() => new ModelCatalog(new ModelCatalogOptions()));
    }

    [Fact]
    public void ForTier_PicksTheCheapestModelOfTheTier()
    {
        var options = new ModelCatalogOptions();
        options.Models["pricey"] = Priced(ModelTier.Mid, output: 4m);
        options.Models["thrifty"] = Priced(ModelTier.Mid, output: 2m);

        var catalog = new ModelCatalog(options);

        Assert.Equal("thrifty", catalog.ForTier(ModelTier.Mid)!.Name);
        Assert.Null(catalog.ForTier(ModelTier.Frontier));
    }

    [Fact]
    public void CachedInputPrice_DefaultsToTheInputPrice()
    {
        var options = new ModelCatalogOptions();
        options.Models["m"] = Priced(ModelTier.Cheap);

        Assert.True(new ModelCatalog(options).TryGet("M", out var model));
        Assert.Equal(0.5m, model.Price.CachedInputPerMillion);
    }

    [Fact]
    public void ToString_NeverShowsTheApiKey()
    {
        var options = new ModelCatalogOptions();
        options.Models["m"] = Priced(ModelTier.Cheap);
        options.Models["m"].ApiKey = "sk-secret-provider-key";

        var model = new ModelCatalog(options).All.Single();

        Assert.DoesNotContain("sk-secret", model.ToString());
    }
}
