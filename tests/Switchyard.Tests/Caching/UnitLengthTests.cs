using System.Numerics.Tensors;
using Switchyard.Caching;

namespace Switchyard.Tests.Caching;

public sealed class UnitLengthTests
{
    [Fact]
    public void UnitLength_OfALongerVector_IsANewUnitVectorAndLeavesTheEmbeddersUntouched()
    {
        float[] provider = [3f, 4f, 0f];

        var unit = CompletionCache.UnitLength(provider);

        Assert.NotSame(provider, unit);
        Assert.Equal([0.6f, 0.8f, 0f], unit);
        Assert.Equal([3f, 4f, 0f], provider);
    }

    [Fact]
    public void UnitLength_OfAUnitVectorInItsOwnArray_IsThatArray()
    {
        float[] local = [0.6f, 0.8f];

        Assert.Same(local, CompletionCache.UnitLength(local));
    }

    [Fact]
    public void UnitLength_OfAUnitSliceOfALargerArray_IsACopyOfTheSliceOnly()
    {
        float[] buffer = [9f, 0.6f, 0.8f, 9f];

        var unit = CompletionCache.UnitLength(buffer.AsMemory(1, 2));

        Assert.Equal([0.6f, 0.8f], unit);
        Assert.Equal(1f, TensorPrimitives.Norm(unit), 5);
    }

    [Fact]
    public void UnitLength_OfTheZeroVector_IsZeros()
    {
        Assert.Equal([0f, 0f], CompletionCache.UnitLength(new float[2]));
    }
}
