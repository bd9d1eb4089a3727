using Microsoft.Extensions.Options;

namespace Switchyard.Routing;

/// <summary>
/// Checks the quality settings when the host starts: every group's target in (0, 1], every task type
/// that names a group naming one that is configured, and the quality confidence from 0 to 5. A mistake fails the start with the setting's path.
/// </summary>
public sealed class RoutingOptionsValidator : IValidateOptions<RoutingOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, RoutingOptions options)
    {
        List<string> failures = [];
        foreach (var (group, settings) in options.QualityGroups)
        {
            if (settings is null || !(settings.QualityTarget is > 0 and <= 1))
            {
                failures.Add($"{RoutingOptions.SectionName}:QualityGroups:{group}:QualityTarget must be in (0, 1].");
            }
        }

        if (options.QualityGroupWindow < 1)
        {
            failures.Add($"{RoutingOptions.SectionName}:QualityGroupWindow must be at least 1.");
        }

        if (!(options.QualityConfidence is >= 0 and <= 5))
        {
            failures.Add($"{RoutingOptions.SectionName}:QualityConfidence must be from 0 to 5 (standard deviations).");
        }

        var policies = options.TaskTypes.Select(t => ($"TaskTypes:{t.Key}", t.Value)).Append(("Default", options.Default));
        foreach (var (path, policy) in policies)
        {
            if (policy?.QualityGroup is { } group && !string.IsNullOrWhiteSpace(group) && !options.QualityGroups.ContainsKey(group.Trim()))
            {
                failures.Add(
                    $"{RoutingOptions.SectionName}:{path}:QualityGroup names '{group}', which is not configured: add {RoutingOptions.SectionName}:QualityGroups:{group.Trim()}:QualityTarget or remove the setting.");
            }
        }

        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
