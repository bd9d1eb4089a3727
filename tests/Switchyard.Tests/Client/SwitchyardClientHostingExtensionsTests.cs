using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Switchyard.Client;

namespace Switchyard.Tests.Client;

public sealed class SwitchyardClientHostingExtensionsTests
{
    private static HostApplicationBuilder Builder(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        return builder;
    }

    [Fact]
    public void AddSwitchyardClient_WithoutSettings_UsesLocalhostDefaults()
    {
        var builder = Builder();

        builder.AddSwitchyardClient();

        using var host = builder.Build();
        var options = host.Services.GetRequiredService<IOptions<SwitchyardClientOptions>>().Value;
        Assert.Equal("Localhost", options.Provider);
        Assert.Equal(30000, options.GatewayPort);
        Assert.Equal("switchyard", options.ClusterId);
        Assert.Equal("switchyard", options.ServiceId);
        Assert.Equal("default", options.DefaultTaskType);
        Assert.IsType<SwitchyardClient>(host.Services.GetRequiredService<ISwitchyardClient>());
    }

    [Fact]
    public void AddSwitchyardClient_BindsConfigurationThenAppliesTheDelegate()
    {
        var builder = Builder(("Switchyard:Client:GatewayPort", "31000"), ("Switchyard:Client:DefaultTaskType", "qa"));

        builder.AddSwitchyardClient(options => options.GatewayPort = 32000);

        using var host = builder.Build();
        var options = host.Services.GetRequiredService<IOptions<SwitchyardClientOptions>>().Value;
        Assert.Equal(32000, options.GatewayPort);
        Assert.Equal("qa", options.DefaultTaskType);
    }

    [Fact]
    public void AddSwitchyardClient_WhenProviderIsUnsupported_FailsNamingTheSetting()
    {
        var builder = Builder(("Switchyard:Client:Provider", "Zookeeper"));

        var exception = Assert.Throws<OptionsValidationException>(() => builder.AddSwitchyardClient());

        Assert.Contains("Switchyard:Client:Provider 'Zookeeper' is not supported", exception.Message);
    }

    [Fact]
    public void AddSwitchyardClient_WithRedisButNoConnectionString_FailsNamingTheSetting()
    {
        var builder = Builder(("Switchyard:Client:Provider", "redis"));

        var exception = Assert.Throws<OptionsValidationException>(() => builder.AddSwitchyardClient());

        Assert.Contains("Switchyard:Client:Redis", exception.Message);
    }

    [Fact]
    public void AddSwitchyardClient_WhenGatewayPortIsOutOfRange_FailsNamingTheSetting()
    {
        var exception = Assert.Throws<OptionsValidationException>(() => Builder().AddSwitchyardClient(o => o.GatewayPort = 0));

        Assert.Contains("Switchyard:Client:GatewayPort", exception.Message);
    }
}
