using System.Collections.Concurrent;

namespace Switchyard;

/// <summary>
/// Grain references for the request path. <see cref="IGrainFactory.GetGrain{TGrainInterface}(string, string)"/>
/// works out the grain type and interface type of <c>TGrainInterface</c> on every call, by reflecting over
/// the interface's attributes (4 % of the silo's CPU at 1,000 requests/s, docs/benchmarks.md). Those two
/// types depend only on the interface, so they are taken from the first reference Orleans makes, and every
/// later reference is made from its <see cref="GrainId"/> directly.
/// </summary>
public static class GrainReferences
{
    private static readonly ConcurrentDictionary<Type, (GrainType Grain, GrainInterfaceType Interface)> Types = new();

    /// <summary>The same reference as <c>grains.GetGrain&lt;TGrainInterface&gt;(key)</c>.</summary>
    public static TGrainInterface Reference<TGrainInterface>(this IGrainFactory grains, string key)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return Types.TryGetValue(typeof(TGrainInterface), out var types)
            ? (TGrainInterface)grains.GetGrain(GrainId.Create(types.Grain, IdSpan.Create(key)), types.Interface)
            : Remember(grains.GetGrain<TGrainInterface>(key));
    }

    /// <inheritdoc cref="Reference{TGrainInterface}(IGrainFactory, string)"/>
    public static TGrainInterface Reference<TGrainInterface>(this IGrainFactory grains, long key)
        where TGrainInterface : IGrainWithIntegerKey =>
        Types.TryGetValue(typeof(TGrainInterface), out var types)
            ? (TGrainInterface)grains.GetGrain(GrainId.Create(types.Grain, GrainIdKeyExtensions.CreateIntegerKey(key)), types.Interface)
            : Remember(grains.GetGrain<TGrainInterface>(key));

    private static TGrainInterface Remember<TGrainInterface>(TGrainInterface reference)
    {
        var made = (GrainReference)(object)reference!;
        Types.TryAdd(typeof(TGrainInterface), (made.GrainId.Type, made.InterfaceType));
        return reference;
    }
}
