using System.Reflection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Switchyard.RateLimiting;
using Switchyard.Silo.Http.RateLimiting;

namespace Switchyard.Tests.RateLimiting;

public sealed class TenantRateLimiterOutageTests
{
    [Fact]
    public async Task AWindowThatDoesNotAnswer_CostsOneWait_ThenTheTenantIsAdmittedWithoutAskingForAWhile()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 30, 0, TimeSpan.Zero));
        var window = DispatchProxy.Create<ITenantRateLimitGrain, SilentWindow>();
        var limiter = new TenantRateLimiter(GrainFactoryOf(window), time, NullLogger<TenantRateLimiter>.Instance);

        var first = limiter.TryAcquireAsync("acme", 10, null).AsTask();
        var second = limiter.TryAcquireAsync("acme", 10, null).AsTask();
        Assert.False(first.IsCompleted);
        time.Advance(TenantRateLimiter.LeaseTimeout);

        Assert.Null(await first);
        Assert.Null(await second);
        Assert.Equal(1, ((SilentWindow)window).Leases);

        var meanwhile = limiter.TryAcquireAsync("acme", 10, null);
        Assert.True(meanwhile.IsCompleted);
        Assert.Null(await meanwhile);
        Assert.Equal(1, ((SilentWindow)window).Leases);

        time.Advance(TenantRateLimiter.FailOpenPeriod);
        var afterwards = limiter.TryAcquireAsync("acme", 10, null);
        Assert.False(afterwards.IsCompleted);
        Assert.Equal(2, ((SilentWindow)window).Leases);
    }

    private static IGrainFactory GrainFactoryOf(ITenantRateLimitGrain window)
    {
        var factory = DispatchProxy.Create<IGrainFactory, OneGrainFactory>();
        ((OneGrainFactory)factory).Grain = window;
        return factory;
    }

    /// <summary>A rate window that never answers a lease: its silo unreachable, its calls hanging.</summary>
    public class SilentWindow : DispatchProxy
    {
        private int _leases;

        public int Leases => _leases;

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod?.Name == nameof(ITenantRateLimitGrain.Lease))
            {
                Interlocked.Increment(ref _leases);
                return new TaskCompletionSource<RateLease>().Task;
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>A grain factory that hands out one grain reference, whatever the key.</summary>
    public class OneGrainFactory : DispatchProxy
    {
        public object Grain { get; set; } = null!;

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod?.Name == nameof(IGrainFactory.GetGrain) ? Grain : throw new NotSupportedException(targetMethod?.Name);
    }
}
