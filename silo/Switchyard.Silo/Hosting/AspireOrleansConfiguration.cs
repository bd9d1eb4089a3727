using StackExchange.Redis;

namespace Switchyard.Silo.Hosting;

/// <summary>
/// Recognises the configuration Aspire's Orleans integration gives a silo (the <c>Orleans</c> section:
/// <c>Orleans:Clustering:ProviderType</c>, <c>Orleans:GrainStorage:&lt;name&gt;:ProviderType</c>, each with a
/// <c>ServiceKey</c> naming a connection string). Orleans builds the providers from that section and
/// looks up each Redis connection as a keyed <see cref="IConnectionMultiplexer"/>, which this class adds.
/// </summary>
public static class AspireOrleansConfiguration
{
    /// <summary>True when the silo was configured through the <c>Orleans</c> section.</summary>
    public static bool IsPresent(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration["Orleans:Clustering:ProviderType"]);

    /// <summary>True when the <c>Orleans</c> section configures grain storage <paramref name="name"/>.</summary>
    public static bool ConfiguresStorage(IConfiguration configuration, string name) =>
        !string.IsNullOrEmpty(configuration[$"Orleans:GrainStorage:{name}:ProviderType"]);

    /// <summary>Registers a keyed Redis connection for every Redis provider of the <c>Orleans</c> section.</summary>
    public static void AddRedisClients(IServiceCollection services, IConfiguration configuration)
    {
        var keys = configuration.GetSection("Orleans").AsEnumerable()
            .Where(setting => setting.Key.EndsWith(":ProviderType", StringComparison.Ordinal) && string.Equals(setting.Value, "Redis", StringComparison.OrdinalIgnoreCase))
            .Select(setting => configuration[setting.Key[..^":ProviderType".Length] + ":ServiceKey"])
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var connection = configuration.GetConnectionString(key)
                ?? throw new InvalidOperationException($"ConnectionStrings:{key} is required by the Orleans section's Redis providers.");
            services.AddKeyedSingleton<IConnectionMultiplexer>(key, (_, _) => ConnectionMultiplexer.Connect(connection));
        }
    }
}
