using Microsoft.Extensions.Logging.Abstractions;
using Switchyard.Silo.Http.RateLimiting;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.RateLimiting;

/// <summary>
/// Two limiters stand for two silos behind a load balancer; they share the tenant's window grain on the
/// two-silo test cluster.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class TenantRateLimiterClusterTests(ClusterFixture fixture)
{
    [Fact]
    public async Task TwoSilos_TogetherAdmitTheRequestLimit_AndNoMore()
    {
        await AwayFromAMinuteBoundary();
        var tenant = $"rpm-{Guid.NewGuid():N}";
        TenantRateLimiter[] silos = [NewSilo(), NewSilo()];

        var answers = new List<TimeSpan?>();
        for (var i = 0; i < 60; i++)
        {
            answers.Add(await silos[i % 2].TryAcquireAsync(tenant, requestsPerMinute: 40, tokensPerMinute: null));
        }

        Assert.Equal(40, answers.Count(a => a is null));
        Assert.All(answers.OfType<TimeSpan>(), retry => Assert.InRange(retry.TotalSeconds, 1, 60));
    }

    [Fact]
    public async Task TokensAnsweredOnOneSilo_StopTheOtherWithinOneLease()
    {
        await AwayFromAMinuteBoundary();
        var tenant = $"tpm-{Guid.NewGuid():N}";
        var (first, second) = (NewSilo(), NewSilo());

        Assert.Null(await first.TryAcquireAsync(tenant, null, tokensPerMinute: 100));
        first.RecordTokens(tenant, 150, tokensPerMinute: 100);

        var admitted = 0;
        TimeSpan? refused = null;
        for (var i = 0; i < 50 && refused is null; i++)
        {
            refused = await second.TryAcquireAsync(tenant, null, 100);
            admitted += refused is null ? 1 : 0;
            await Task.Delay(10);
        }

        Assert.NotNull(refused);
        Assert.InRange(admitted, 0, TenantRateLimiter.LeaseSize(null));
    }

    [Fact]
    public async Task WithoutLimits_NoWindowIsAsked()
    {
        var silo = new TenantRateLimiter(null!, TimeProvider.System, NullLogger<TenantRateLimiter>.Instance);

        for (var i = 0; i < 100; i++)
        {
            Assert.Null(await silo.TryAcquireAsync("acme", null, null));
        }
    }

    private TenantRateLimiter NewSilo() => new(fixture.Grains, TimeProvider.System, NullLogger<TenantRateLimiter>.Instance);

    // The window is a UTC minute: a test that straddled two would see two windows' worth.
    private static async Task AwayFromAMinuteBoundary()
    {
        var second = DateTimeOffset.UtcNow.Second;
        if (second >= 50)
        {
            await Task.Delay(TimeSpan.FromSeconds(61 - second));
        }
    }
}
