namespace Switchyard.Routing;

/// <summary>Lays settings over others: a setting given replaces the one below it; an empty model name clears it.</summary>
public static class RouterSettingsMerge
{
    /// <summary><paramref name="overlay"/> laid over <paramref name="current"/>.</summary>
    public static RouterSettings Over(RouterSettings? current, RouterSettings overlay)
    {
        current ??= new RouterSettings();
        var model = overlay.Model ?? current.Model;
        return new RouterSettings(
            overlay.QualityTarget ?? current.QualityTarget,
            overlay.Pinned ?? current.Pinned,
            overlay.StartTier ?? current.StartTier,
            overlay.MaxTier ?? current.MaxTier,
            overlay.AcceptConfidence ?? current.AcceptConfidence,
            string.IsNullOrEmpty(model) ? null : model);
    }
}
