using Switchyard.Caching;
using Switchyard.Completion;

namespace Switchyard.Tests.Caching;

public sealed class CacheKeyTests
{
    private static readonly CompletionRequest Baseline = new(
        "r1", "alpha", "default", "auto", [new("system", "Be brief."), new("user", "Hello")], 0.2, null, 100, "");

    [Fact]
    public void For_IgnoresRequestIdTenantAndUser()
    {
        var other = Baseline with { RequestId = "r2", TenantId = "beta", User = "u1" };

        Assert.Equal(CacheKey.For(Baseline, 8), CacheKey.For(other, 8));
    }

    public static TheoryData<string> Changes => ["message", "role", "system", "model", "temperature", "max_tokens", "parameters", "task_type"];

    [Theory]
    [MemberData(nameof(Changes))]
    public void For_ChangesWithEverythingThatChangesTheAnswer(string change)
    {
        var changed = change switch
        {
            "message" => Baseline with { Messages = [new("system", "Be brief."), new("user", "Hello!")] },
            "role" => Baseline with { Messages = [new("system", "Be brief."), new("assistant", "Hello")] },
            "system" => Baseline with { Messages = [new("system", "Be verbose."), new("user", "Hello")] },
            "model" => Baseline with { Model = "sim-frontier" },
            "temperature" => Baseline with { Temperature = 0.3 },
            "max_tokens" => Baseline with { MaxTokens = 101 },
            "parameters" => Baseline with { ParametersJson = "{\"tools\":[]}" },
            _ => Baseline with { TaskType = "summarization" },
        };

        Assert.NotEqual(CacheKey.For(Baseline, 8).Hash, CacheKey.For(changed, 8).Hash);
    }

    [Fact]
    public void For_MessageBoundariesCannotBeForged()
    {
        var split = Baseline with { Messages = [new("user", "ab"), new("user", "c")] };
        var joined = Baseline with { Messages = [new("user", "a"), new("user", "bc")] };

        Assert.NotEqual(CacheKey.For(split, 1).Hash, CacheKey.For(joined, 1).Hash);
    }

    [Fact]
    public void For_SpreadsKeysOverEveryShard()
    {
        var shards = Enumerable.Range(0, 400)
            .Select(i => CacheKey.For(Baseline with { Messages = [new("user", $"q{i}")] }, 4).ShardIndex)
            .ToHashSet();

        Assert.Equal([0, 1, 2, 3], shards.Order());
    }
}
