using System.Numerics.Tensors;
using Switchyard.Caching.Vectors;

namespace Switchyard.Tests.Caching;

public sealed class VectorIndexTests
{
    private static float[] RandomUnit(Random random, int dimensions)
    {
        var vector = new float[dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            vector[i] = (float)((random.NextDouble() * 2) - 1);
        }

        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return vector;
    }

    private static float[] Near(Random random, float[] vector, float noise)
    {
        var near = RandomUnit(random, vector.Length);
        TensorPrimitives.MultiplyAdd(near, noise, vector, near);
        TensorPrimitives.Divide(near, TensorPrimitives.Norm(near), near);
        return near;
    }

    [Fact]
    public void FindNearest_ReturnsTheMostSimilarVectorOfTheQueryContextOnly()
    {
        var random = new Random(1);
        var index = new VectorIndex(32);
        var target = RandomUnit(random, 32);
        var other = index.Add(RandomUnit(random, 32), context: 7);
        var inOtherContext = index.Add(target, context: 8);
        var match = index.Add(Near(random, target, 0.2f), context: 7);

        var found = index.FindNearest(target, context: 7);

        Assert.Equal(match, found!.Value.Slot);
        Assert.NotEqual(other, found.Value.Slot);
        Assert.NotEqual(inOtherContext, found.Value.Slot);
        Assert.Null(index.FindNearest(target, context: 9));
    }

    [Fact]
    public void Remove_FreesTheSlotForReuse()
    {
        var random = new Random(2);
        var index = new VectorIndex(16);
        var vector = RandomUnit(random, 16);
        var slot = index.Add(vector, 1);

        index.Remove(slot);

        Assert.Equal(0, index.Count);
        Assert.Null(index.FindNearest(vector, 1));
        Assert.Equal(slot, index.Add(vector, 1));
    }

    [Fact]
    public void FindNearest_OnAPartitionedIndex_AgreesWithExactSearch()
    {
        var random = new Random(3);
        var index = new VectorIndex(64, exhaustiveLimit: 256, probes: 16, rerankCandidates: 32);
        var centers = Enumerable.Range(0, 40).Select(_ => RandomUnit(random, 64)).ToArray();
        var stored = Enumerable.Range(0, 3000).Select(i => Near(random, centers[i % centers.Length], 0.8f)).ToArray();
        foreach (var vector in stored)
        {
            index.Add(vector, 1);
        }

        var removed = Enumerable.Range(0, 300).Select(i => i * 7).ToArray();
        foreach (var slot in removed)
        {
            index.Remove(slot);
        }

        Assert.True(index.IsPartitioned);
        var agreed = 0;
        for (var q = 0; q < 200; q++)
        {
            var query = Near(random, stored[(q * 13) + 1], 0.3f);
            agreed += index.FindNearest(query, 1)!.Value.Slot == index.FindNearestExact(query, 1)!.Value.Slot ? 1 : 0;
            Assert.DoesNotContain(index.FindNearest(query, 1)!.Value.Slot, removed);
        }

        Assert.True(agreed >= 194, $"recall@1 {agreed}/200");
    }

    [Fact]
    public void Add_ManyNearDuplicates_SplitsTheirListSoNoListGrowsUnbounded()
    {
        var random = new Random(4);
        var index = new VectorIndex(32, exhaustiveLimit: 256, probes: 8, rerankCandidates: 16);
        var hot = RandomUnit(random, 32);
        for (var i = 0; i < 4000; i++)
        {
            // Nine in ten vectors crowd around one point; all but a few would share one list.
            index.Add(i % 10 == 0 ? RandomUnit(random, 32) : Near(random, hot, 0.01f), 1);
        }

        var rare = RandomUnit(random, 32);
        var rareSlot = index.Add(rare, 1);

        Assert.True(index.ListLengths.Max() <= 400, $"longest list {index.ListLengths.Max()}");
        Assert.Equal(index.Count, index.ListLengths.Sum());
        Assert.Equal(rareSlot, index.FindNearest(rare, 1)!.Value.Slot);
        Assert.Equal(index.FindNearestExact(hot, 1)!.Value.Similarity, index.FindNearest(hot, 1)!.Value.Similarity, 3);
    }
}
