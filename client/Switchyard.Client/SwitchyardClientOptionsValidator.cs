using Microsoft.Extensions.Options;

namespace Switchyard.Client;

/// <summary>Checks <see cref="SwitchyardClientOptions"/>, naming the configuration path of each bad setting.</summary>
internal sealed class SwitchyardClientOptionsValidator : IValidateOptions<SwitchyardClientOptions>
{
    public ValidateOptionsResult Validate(string? name, SwitchyardClientOptions options)
    {
        const string Section = SwitchyardClientOptions.SectionName;
        var failures = new List<string>();
        if (SwitchyardClientHostingExtensions.CanonicalProvider(options.Provider) is null)
        {
            failures.Add($"{Section}:Provider '{options.Provider}' is not supported. Supported: {string.Join(", ", SwitchyardClientHostingExtensions.SupportedProviders)}.");
        }

        if (string.Equals(options.Provider, SwitchyardClientOptions.RedisProvider, StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(options.Redis))
        {
            failures.Add($"{Section}:Redis (a Redis connection string) is required when {Section}:Provider is Redis.");
        }

        if (options.GatewayPort is < 1 or > 65535)
        {
            failures.Add($"{Section}:GatewayPort must be between 1 and 65535 (was {options.GatewayPort}).");
        }

        if (string.IsNullOrWhiteSpace(options.ClusterId))
        {
            failures.Add($"{Section}:ClusterId is required.");
        }

        if (string.IsNullOrWhiteSpace(options.ServiceId))
        {
            failures.Add($"{Section}:ServiceId is required.");
        }

        if (string.IsNullOrWhiteSpace(options.DefaultTaskType))
        {
            failures.Add($"{Section}:DefaultTaskType is required.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
