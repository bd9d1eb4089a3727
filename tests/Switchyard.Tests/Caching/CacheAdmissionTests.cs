using Switchyard.Caching;
using Switchyard.Completion;

namespace Switchyard.Tests.Caching;

public sealed class CacheAdmissionTests
{
    private static CompletionRequest Request(double? temperature = null, string parameters = "", CachePolicy cache = CachePolicy.Default, string lastRole = "user") =>
        new("r1", "alpha", "default", "auto", [new("system", "Be brief."), new(lastRole, "What is a monad?")], temperature, ParametersJson: parameters, Cache: cache);

    [Fact]
    public void Decide_PlainChat_IsMatchedExactlyAndByMeaning() =>
        Assert.Equal(CacheMode.ExactAndSemantic, CacheAdmission.Decide(Request(temperature: 0.2), new CacheOptions()));

    [Fact]
    public void Decide_NoStore_BypassesTheCache() =>
        Assert.Equal(CacheMode.None, CacheAdmission.Decide(Request(cache: CachePolicy.NoStore), new CacheOptions()));

    [Fact]
    public void Decide_AboveTheMaxCacheableTemperature_BypassesTheCache() =>
        Assert.Equal(CacheMode.None, CacheAdmission.Decide(Request(temperature: 1.3), new CacheOptions()));

    [Fact]
    public void Decide_WithTools_IsExactOnly() =>
        Assert.Equal(CacheMode.ExactOnly, CacheAdmission.Decide(Request(parameters: """{"tools":[{"type":"function"}]}"""), new CacheOptions()));

    [Fact]
    public void Decide_WhenTheLastMessageIsNotTheUsers_IsExactOnly() =>
        Assert.Equal(CacheMode.ExactOnly, CacheAdmission.Decide(Request(lastRole: "assistant"), new CacheOptions()));

    [Fact]
    public void Decide_TaskTypeWithSemanticOff_IsExactOnly()
    {
        var options = new CacheOptions { TaskTypes = { ["default"] = new CacheTaskTypeOptions { Semantic = false } } };

        Assert.Equal(CacheMode.ExactOnly, CacheAdmission.Decide(Request(), options));
    }

    [Fact]
    public void Options_TaskTypeOverrides_WinOverTheDefaults()
    {
        var options = new CacheOptions { TaskTypes = { ["legal"] = new CacheTaskTypeOptions { TimeToLive = TimeSpan.FromMinutes(5), SimilarityThreshold = 0.99f } } };

        Assert.Equal(TimeSpan.FromMinutes(5), options.TimeToLiveFor("LEGAL"));
        Assert.Equal(0.99f, options.ThresholdFor("legal", 0.9f));
        Assert.Equal(options.TimeToLive, options.TimeToLiveFor("default"));
        Assert.Equal(0.9f, options.ThresholdFor("default", 0.9f));
    }

    [Fact]
    public void Options_AConfiguredThreshold_WinsOverTheEmbeddersOwn()
    {
        var options = new CacheOptions { SimilarityThreshold = 0.95f };

        Assert.Equal(0.95f, options.ThresholdFor("default", 0.9f));
    }
}
