using Microsoft.Extensions.Options;
using Switchyard.Silo.Http;
using Switchyard.Tenants;

namespace Switchyard.Tests.Http;

public sealed class TenantKeyRingTests
{
    private static TenantKeyRing RingOf(params (string TenantId, TenantOptions Tenant)[] tenants)
    {
        var options = new TenantsOptions { AdminApiKey = "sk-admin" };
        foreach (var (tenantId, tenant) in tenants)
        {
            options.Tenants[tenantId] = tenant;
        }

        return new TenantKeyRing(Options.Create(options));
    }

    [Fact]
    public void FindTenant_AmongManyTenants_FindsEachByItsOwnKeyAndNoneByAnother()
    {
        var tenants = Enumerable.Range(0, 20_000)
            .Select(i => ($"tenant-{i}", new TenantOptions { ApiKey = $"sk-tenant-{i}" }))
            .ToArray();
        var ring = RingOf(tenants);

        Assert.Equal(20_000, ring.Count);
        for (var i = 0; i < tenants.Length; i += 997)
        {
            Assert.Equal($"tenant-{i}", ring.FindTenant($"sk-tenant-{i}"));
        }

        Assert.Null(ring.FindTenant("sk-tenant-20000"));
        Assert.Null(ring.FindTenant("sk-tenant-1 "));
        Assert.Null(ring.FindTenant(""));
        Assert.Null(ring.FindTenant("sk-admin"));
    }

    [Fact]
    public void FindTenant_WithAConfiguredDigest_FindsTheTenantByTheKeyItWasMadeFrom()
    {
        var key = "sk-ключ-" + new string('x', 2_000);
        var ring = RingOf(
            ("hashed", new TenantOptions { ApiKeySha256 = TenantKeyRing.HashForConfiguration(key) }),
            ("malformed", new TenantOptions { ApiKeySha256 = "abcd" }));

        Assert.Equal("hashed", ring.FindTenant(key));
        Assert.Null(ring.FindTenant(key[..^1]));
        Assert.Equal(1, ring.Count);
    }

    [Fact]
    public void IsAdmin_IsTrueForTheAdminKeyOnly()
    {
        var ring = RingOf(("acme", new TenantOptions { ApiKey = "sk-acme" }));

        Assert.True(ring.IsAdmin("sk-admin"));
        Assert.False(ring.IsAdmin("sk-acme"));
        Assert.Null(ring.FindTenant("sk-admin"));
    }
}
