using System.Collections.Concurrent;

namespace Switchyard;

/// <summary>
/// Grain references for the request path. <see cref="IGrainFactory.GetGrain{TGrainInterface}(string, string)"/>
/// works out the grain type and interface type of <c>TGrainInterface</c> on every call, by reflecting over
/// the interface's attributes (4 % of the silo's CPU at 1,000 requests/s, docs/benchmarks.md). Those two
/// types depend only on the interface, so they are worked out once, by Orleans itself, and each reference is
/// then made from its <see cref="GrainId"/> directly.
/// </summary>
public static class GrainReferences
{
    private static readonly ConcurrentDictionary<Type, (GrainType Grain, GrainInterfaceType Interface)> Types = new();

    /// <summary>The same reference as <c>grains.GetGrain&lt;TGrainInterface&gt;(key)</c>.</summary>
    public static TGrainInterface Reference<TGrainInterface>(this IGrainFactory grains, string key)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return Reference<TGrainInterface>(grains, IdSpan.Create(key), static g => g.GetGrain<TGrainInterface>("probe"));
    }

    /// <inheritdoc cref="Reference{TGrainInterface}(IGrainFactory, string)"/>
    public static TGrainInterface Reference<TGrainInterface>(this IGrainFactory grains, long key)
        where TGrainInterface : IGrainWithIntegerKey =>
        Reference<TGrainInterface>(grains, GrainIdKeyExtensions.CreateIntegerKey(key), static g => g.GetGrain<TGrainInterface>(0));

    private static TGrainInterface Reference<TGrainInterface>(IGrainFactory grains, IdSpan key, Func<IGrainFactory, TGrainInterface> probe)
    {
        var (grain, @interface) = Types.GetOrAdd(typeof(TGrainInterface), static (_, state) =>
        {
            // Whatever key the probe has, its grain type and interface type are the interface's.
            var reference = (GrainReference)(object)state.probe(state.grains)!;
            return (reference.GrainId.Type, reference.InterfaceType);
        }, (grains, probe));
        return (TGrainInterface)grains.GetGrain(GrainId.Create(grain, key), @interface);
    }
}
