namespace Switchyard.Routing;

/// <summary>Settings an operator gives a task type's router; null leaves a setting as configured.</summary>
/// <param name="QualityTarget">The accuracy to keep, as a share of the best tier's, in (0, 1].</param>
/// <param name="Pinned">True to stop learning and always use <paramref name="StartTier"/>..<paramref name="MaxTier"/> with the configured threshold.</param>
/// <param name="StartTier">The tier a pinned policy starts on.</param>
/// <param name="MaxTier">The highest tier any policy may reach.</param>
[GenerateSerializer, Immutable]
[Alias("switchyard.routing.RouterSettings")]
public sealed record RouterSettings(
    [property: Id(0)] double? QualityTarget = null,
    [property: Id(1)] bool? Pinned = null,
    [property: Id(2)] ModelTier? StartTier = null,
    [property: Id(3)] ModelTier? MaxTier = null);
