using System.Net;
using Microsoft.Extensions.Options;
using Switchyard.Models;
using Switchyard.Providers;
using Switchyard.Routing;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Providers;

public sealed class OpenAIProvidersTests
{
    private static ModelCatalogOptions Catalog(string provider, string? endpoint, string? key)
    {
        var options = new ModelCatalogOptions();
        options.Models["m"] = new ModelDeploymentOptions
        {
            Provider = provider,
            Endpoint = endpoint,
            ApiKey = key,
            Tier = ModelTier.Mid,
            InputPerMillion = 1m,
            OutputPerMillion = 2m,
        };
        return options;
    }

    [Theory]
    [InlineData("openai", null, null, "ApiKey is required")]
    [InlineData("openai-compatible", null, null, "Endpoint must be an absolute URL")]
    [InlineData("openai-compatible", "not a url", null, "Endpoint must be an absolute URL")]
    [InlineData("azure-openai", null, "key", "Endpoint must be an absolute URL")]
    public void Catalog_WithAnIncompleteProvider_IsRefusedNamingTheSetting(string provider, string? endpoint, string? key, string message)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => new ModelCatalog(Catalog(provider, endpoint, key)));

        Assert.Contains("Switchyard:Models:m:", failure.Message);
        Assert.Contains(message, failure.Message);
    }

    [Fact]
    public void AzureWithoutAKey_UsesEntraIdCredentials_WithoutCallingOutAtConstruction()
    {
        var catalog = new ModelCatalog(Catalog("azure-openai", "https://contoso.openai.azure.com", null));

        using var client = OpenAIProviders.Create(catalog.All.Single(), TimeProvider.System);

        Assert.NotNull(client);
    }

    [Fact]
    public async Task AzureOpenAI_CallsTheResourcesOpenAIv1Api_WithTheKey()
    {
        await using var upstream = await FakeOpenAIUpstream.StartAsync();
        var data = TestSettings.NewDataDirectory();
        try
        {
            await using var host = await SiloHost.StartAsync(data, new Dictionary<string, string?>
            {
                ["Switchyard:Models:azure-gpt:Provider"] = "azure-openai",
                ["Switchyard:Models:azure-gpt:Endpoint"] = upstream.Root.ToString(),
                ["Switchyard:Models:azure-gpt:ApiKey"] = "azure-key",
                ["Switchyard:Models:azure-gpt:Deployment"] = "gpt-4o-prod",
                ["Switchyard:Models:azure-gpt:Tier"] = "frontier",
                ["Switchyard:Models:azure-gpt:InputPerMillion"] = "2.50",
                ["Switchyard:Models:azure-gpt:OutputPerMillion"] = "10",
            }, simulatedModels: false);

            var response = await host.Http.SendAsync(host.Post("/v1/chat/completions", """{"model": "azure-gpt", "messages": [{"role": "user", "content": "hi"}]}"""));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(1, upstream.Calls("gpt-4o-prod"));
            Assert.Equal("Bearer azure-key", upstream.LastAuthorization);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
