namespace Switchyard.Routing;

/// <summary>Settings an operator gives a task type's router; null leaves a setting as configured.</summary>
/// <param name="QualityTarget">The accuracy to keep, as a share of the best tier's, in (0, 1].</param>
/// <param name="Pinned">True to stop learning and always use <paramref name="StartTier"/>..<paramref name="MaxTier"/> with the configured threshold.</param>
/// <param name="StartTier">The tier a pinned policy starts on.</param>
/// <param name="MaxTier">The highest tier any policy may reach.</param>
/// <param name="AcceptConfidence">The lowest confidence a pinned policy accepts without escalating, in [0, 1].</param>
/// <param name="Model">A catalog model that answers every request of the task type alone (no cascade); empty clears it.</param>
[GenerateSerializer, Immutable]
[Alias("switchyard.routing.RouterSettings")]
public sealed record RouterSettings(
    [property: Id(0)] double? QualityTarget = null,
    [property: Id(1)] bool? Pinned = null,
    [property: Id(2)] ModelTier? StartTier = null,
    [property: Id(3)] ModelTier? MaxTier = null,
    [property: Id(4)] double? AcceptConfidence = null,
    [property: Id(5)] string? Model = null);
