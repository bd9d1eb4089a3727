using System.Buffers.Binary;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Switchyard.Tenants;

namespace Switchyard.Silo.Http;

/// <summary>
/// Maps API keys to tenants. Only SHA-256 digests of keys are kept. A presented key is hashed, the
/// digest's first half finds the one entry it could be, and that entry's whole digest is compared in
/// constant time. So a lookup costs the same with ten tenants or a hundred thousand, its timing depends
/// only on the presented key's digest (which says nothing about any stored key), and a memory dump
/// gives no key away. Tenants created through the admin API (<see cref="TenantDirectory"/>) count too,
/// and win over a configured tenant with the same key.
/// </summary>
public sealed class TenantKeyRing
{
    private readonly FrozenDictionary<UInt128, KeyEntry> _tenants;
    private readonly byte[]? _admin;
    private readonly TenantDirectory? _directory;
    private volatile RuntimeKeys _runtime = new(ImmutableDictionary<string, TenantRecord>.Empty, FrozenDictionary<UInt128, KeyEntry>.Empty);

    /// <summary>Hashes the configured keys; with <paramref name="directory"/>, also knows the runtime tenants.</summary>
    public TenantKeyRing(IOptions<TenantsOptions> options, TenantDirectory? directory = null)
    {
        _directory = directory;
        var tenants = new List<KeyEntry>();
        foreach (var (tenantId, tenant) in options.Value.Tenants)
        {
            if (tenant.ApiKeySha256 is { Length: > 0 } hex)
            {
                tenants.Add(new KeyEntry(tenantId, Convert.FromHexString(hex)));
            }

            if (tenant.ApiKey is { Length: > 0 } key)
            {
                tenants.Add(new KeyEntry(tenantId, Digest(key)));
            }
        }

        _tenants = Index(tenants);
        _admin = options.Value.AdminApiKey is { Length: > 0 } admin ? Digest(admin) : null;
    }

    /// <summary>How many tenant keys are configured.</summary>
    public int Count => _tenants.Count;

    /// <summary>True when an admin key is configured.</summary>
    public bool HasAdminKey => _admin is not null;

    /// <summary>The tenant whose key is <paramref name="apiKey"/>, or null.</summary>
    public string? FindTenant(string apiKey)
    {
        var digest = Digest(apiKey);
        var slot = SlotOf(digest);
        return Match(RuntimeDigests(), slot, digest) ?? Match(_tenants, slot, digest);
    }

    /// <summary>True when <paramref name="apiKey"/> is the admin key.</summary>
    public bool IsAdmin(string apiKey) =>
        _admin is not null && CryptographicOperations.FixedTimeEquals(Digest(apiKey), _admin);

    /// <summary>The lowercase hex SHA-256 of a key, as <see cref="TenantOptions.ApiKeySha256"/> expects.</summary>
    public static string HashForConfiguration(string apiKey) => Convert.ToHexStringLower(Digest(apiKey));

    private FrozenDictionary<UInt128, KeyEntry> RuntimeDigests()
    {
        if (_directory is null)
        {
            return FrozenDictionary<UInt128, KeyEntry>.Empty;
        }

        // Decode the digests again only when the directory's copy has been replaced.
        var runtime = _runtime;
        var current = _directory.Runtime;
        if (!ReferenceEquals(runtime.Source, current))
        {
            runtime = new RuntimeKeys(current, Index(current.SelectMany(t => t.Value.ApiKeySha256.Select(hex => new KeyEntry(t.Key, Convert.FromHexString(hex))))));
            _runtime = runtime;
        }

        return runtime.Digests;
    }

    private static string? Match(FrozenDictionary<UInt128, KeyEntry> keys, UInt128 slot, ReadOnlySpan<byte> digest) =>
        keys.TryGetValue(slot, out var entry) && CryptographicOperations.FixedTimeEquals(digest, entry.Digest) ? entry.TenantId : null;

    /// <summary>Entries by the first half of their digest; of two entries with the same key, the later one.</summary>
    private static FrozenDictionary<UInt128, KeyEntry> Index(IEnumerable<KeyEntry> entries)
    {
        var index = new Dictionary<UInt128, KeyEntry>();
        foreach (var entry in entries)
        {
            if (entry.Digest.Length == SHA256.HashSizeInBytes)
            {
                index[SlotOf(entry.Digest)] = entry;
            }
        }

        return index.ToFrozenDictionary();
    }

    private static UInt128 SlotOf(ReadOnlySpan<byte> digest) => BinaryPrimitives.ReadUInt128LittleEndian(digest);

    private static byte[] Digest(string apiKey) => SHA256.HashData(Encoding.UTF8.GetBytes(apiKey));

    private sealed record KeyEntry(string TenantId, byte[] Digest);

    private sealed record RuntimeKeys(ImmutableDictionary<string, TenantRecord> Source, FrozenDictionary<UInt128, KeyEntry> Digests);
}
