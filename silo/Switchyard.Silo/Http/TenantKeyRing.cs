using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Switchyard.Tenants;

namespace Switchyard.Silo.Http;

/// <summary>
/// Maps API keys to tenants. Only SHA-256 digests of keys are kept; a presented key is hashed and
/// compared against every digest in constant time, so neither a lookup's timing nor a memory dump
/// gives a key away. Tenants created through the admin API (<see cref="TenantDirectory"/>) count too.
/// </summary>
public sealed class TenantKeyRing
{
    private readonly (string TenantId, byte[] Digest)[] _tenants;
    private readonly byte[]? _admin;
    private readonly TenantDirectory? _directory;
    private volatile RuntimeKeys _runtime = new(ImmutableDictionary<string, TenantRecord>.Empty, []);

    /// <summary>Hashes the configured keys; with <paramref name="directory"/>, also knows the runtime tenants.</summary>
    public TenantKeyRing(IOptions<TenantsOptions> options, TenantDirectory? directory = null)
    {
        _directory = directory;
        var tenants = new List<(string, byte[])>();
        foreach (var (tenantId, tenant) in options.Value.Tenants)
        {
            if (tenant.ApiKeySha256 is { Length: > 0 } hex)
            {
                tenants.Add((tenantId, Convert.FromHexString(hex)));
            }

            if (tenant.ApiKey is { Length: > 0 } key)
            {
                tenants.Add((tenantId, Digest(key)));
            }
        }

        _tenants = [.. tenants];
        _admin = options.Value.AdminApiKey is { Length: > 0 } admin ? Digest(admin) : null;
    }

    /// <summary>How many tenant keys are configured.</summary>
    public int Count => _tenants.Length;

    /// <summary>True when an admin key is configured.</summary>
    public bool HasAdminKey => _admin is not null;

    /// <summary>The tenant whose key is <paramref name="apiKey"/>, or null.</summary>
    public string? FindTenant(string apiKey)
    {
        var digest = Digest(apiKey);
        string? found = null;
        foreach (var (tenantId, expected) in _tenants.Concat(RuntimeDigests()))
        {
            // No early exit: every digest is compared, whatever matches.
            if (CryptographicOperations.FixedTimeEquals(digest, expected))
            {
                found = tenantId;
            }
        }

        return found;
    }

    /// <summary>True when <paramref name="apiKey"/> is the admin key.</summary>
    public bool IsAdmin(string apiKey) =>
        _admin is not null && CryptographicOperations.FixedTimeEquals(Digest(apiKey), _admin);

    /// <summary>The lowercase hex SHA-256 of a key, as <see cref="TenantOptions.ApiKeySha256"/> expects.</summary>
    public static string HashForConfiguration(string apiKey) => Convert.ToHexStringLower(Digest(apiKey));

    private (string TenantId, byte[] Digest)[] RuntimeDigests()
    {
        if (_directory is null)
        {
            return [];
        }

        // Decode the digests again only when the directory's copy has been replaced.
        var runtime = _runtime;
        var current = _directory.Runtime;
        if (!ReferenceEquals(runtime.Source, current))
        {
            runtime = new RuntimeKeys(current, [.. current.SelectMany(t => t.Value.ApiKeySha256.Select(hex => (t.Key, Convert.FromHexString(hex))))]);
            _runtime = runtime;
        }

        return runtime.Digests;
    }

    private sealed record RuntimeKeys(ImmutableDictionary<string, TenantRecord> Source, (string TenantId, byte[] Digest)[] Digests);

    private static byte[] Digest(string apiKey) => SHA256.HashData(Encoding.UTF8.GetBytes(apiKey));
}
