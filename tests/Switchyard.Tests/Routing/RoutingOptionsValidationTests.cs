using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Switchyard.Hosting;
using Switchyard.Routing;

namespace Switchyard.Tests.Routing;

public sealed class RoutingOptionsValidationTests
{
    private static RoutingOptions Resolve(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build();
        using var services = new ServiceCollection().AddSwitchyardGrains(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<RoutingOptions>>().Value;
    }

    [Fact]
    public void Options_WhenATaskTypeNamesAnUnknownQualityGroup_FailNamingTheSetting()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(
            ("Switchyard:Routing:QualityGroups:mix:QualityTarget", "0.97"),
            ("Switchyard:Routing:TaskTypes:summarization:QualityGroup", "mixx")));

        Assert.Contains("Switchyard:Routing:TaskTypes:summarization:QualityGroup", error.Message);
        Assert.Contains("'mixx'", error.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1.2")]
    public void Options_WithAGroupTargetOutsideZeroToOne_FailNamingTheSetting(string target)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(("Switchyard:Routing:QualityGroups:mix:QualityTarget", target)));

        Assert.Contains("Switchyard:Routing:QualityGroups:mix:QualityTarget", error.Message);
    }

    [Theory]
    [InlineData("-0.5")]
    [InlineData("6")]
    public void Options_WithAQualityConfidenceOutsideZeroToFive_FailNamingTheSetting(string confidence)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(("Switchyard:Routing:QualityConfidence", confidence)));

        Assert.Contains("Switchyard:Routing:QualityConfidence", error.Message);
    }

    [Fact]
    public void Options_WithAGroupAndItsMembers_Bind()
    {
        var options = Resolve(
            ("Switchyard:Routing:QualityGroups:Mix:QualityTarget", "0.95"),
            ("Switchyard:Routing:TaskTypes:summarization:QualityGroup", "mix"),
            ("Switchyard:Routing:TaskTypes:extraction:QualityGroup", "mix"));

        Assert.Equal(0.95, options.QualityGroups["mix"].QualityTarget);
        Assert.Equal("mix", options.TaskTypes["extraction"].QualityGroup);
        Assert.Null(options.TaskTypes["spam_detection"].QualityGroup);
    }

    [Fact]
    public void Options_ByDefault_HaveNoQualityGroups()
    {
        var options = Resolve();

        Assert.Empty(options.QualityGroups);
        Assert.All(options.TaskTypes.Values, t => Assert.Null(t.QualityGroup));
    }
}
