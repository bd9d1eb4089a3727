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
    public void WhileReuseIsDeferred_NoFreedSlotIsOverwritten_AndAfterwardsTheyAreReusedAgain()
    {
        var random = new Random(3);
        var index = new VectorIndex(16);
        var kept = RandomUnit(random, 16);
        var slot = index.Add(kept, 1);

        index.DeferReuse();
        index.DeferReuse();
        index.Remove(slot);
        var added = index.Add(RandomUnit(random, 16), 1);
        index.ResumeReuse();
        var addedAfterOne = index.Add(RandomUnit(random, 16), 1);

        Assert.NotEqual(slot, added);
        Assert.NotEqual(slot, addedAfterOne);
        Assert.Equal(kept, index.Vector(slot).ToArray());

        index.ResumeReuse();
        Assert.Equal(slot, index.Add(RandomUnit(random, 16), 1));
        Assert.Throws<InvalidOperationException>(index.ResumeReuse);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(320)] // six code words, the last one partly used
    [InlineData(384)] // the default embedder's length
    [InlineData(448)] // seven code words: the scan for any width
    public void FindNearest_OnAPartitionedIndex_AgreesWithExactSearch(int dimensions)
    {
        var random = new Random(3);
        var index = new VectorIndex(dimensions, exhaustiveLimit: 256, probes: 16, rerankCandidates: 32);
        var centers = Enumerable.Range(0, 40).Select(_ => RandomUnit(random, dimensions)).ToArray();
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
    public void FindNearest_WithTheDefaults_OnAGatewaySizedShard_ReScoresFewerAndStillAgreesWithExactSearch()
    {
        // 5,000 vectors: every lookup scans them all, a fifth of the default full scan, so it re-scores 16, not 64.
        var random = new Random(8);
        var index = new VectorIndex(384);
        var centers = Enumerable.Range(0, 50).Select(_ => RandomUnit(random, 384)).ToArray();
        var stored = Enumerable.Range(0, 5000).Select(i => Near(random, centers[i % centers.Length], 0.8f)).ToArray();
        foreach (var vector in stored)
        {
            index.Add(vector, 1);
        }

        Assert.True(index.IsPartitioned);
        var agreed = 0;
        for (var q = 0; q < 200; q++)
        {
            var query = Near(random, stored[random.Next(stored.Length)], 0.3f);
            agreed += index.FindNearest(query, 1)!.Value.Slot == index.FindNearestExact(query, 1)!.Value.Slot ? 1 : 0;
        }

        Assert.True(agreed >= 198, $"recall@1 {agreed}/200");
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

    [Fact]
    public void Add_PastTheExhaustiveLimit_SplitsListsOneAtATimeUntilNoneIsTooLong()
    {
        var random = new Random(5);
        var index = new VectorIndex(32, exhaustiveLimit: 1024, probes: 8, rerankCandidates: 16, maxListLength: 64);
        for (var i = 0; i <= 1024; i++)
        {
            index.Add(RandomUnit(random, 32), 1);
        }

        // The whole index becomes one list; each add splits at most one list, so it takes a few adds to settle.
        Assert.True(index.IsPartitioned);
        Assert.True(index.ListLengths.Count < 1025 / 64, $"{index.ListLengths.Count} lists right after partitioning");
        for (var i = 0; i < 200; i++)
        {
            index.Add(RandomUnit(random, 32), 1);
            Assert.Equal(index.Count, index.ListLengths.Sum());
        }

        Assert.True(index.ListLengths.Max() <= 64, $"longest list {index.ListLengths.Max()}");
        Assert.True(index.ListLengths.Count >= index.Count / 64, $"{index.ListLengths.Count} lists");
    }

    [Fact]
    public void FindNearest_OnAClusteredSetGrownFarPastItsFirstPartition_KeepsRecallAboveBound()
    {
        var random = new Random(6);
        var index = new VectorIndex(48, exhaustiveLimit: 512, probes: 12, rerankCandidates: 32, maxListLength: 128);
        var centers = Enumerable.Range(0, 60).Select(_ => RandomUnit(random, 48)).ToArray();
        var stored = Enumerable.Range(0, 12_000).Select(i => Near(random, centers[random.Next(centers.Length)], 0.7f)).ToArray();
        foreach (var vector in stored)
        {
            index.Add(vector, 1);
        }

        Assert.True(index.ListLengths.Max() <= 128, $"longest list {index.ListLengths.Max()}");
        var agreed = 0;
        for (var q = 0; q < 300; q++)
        {
            var query = Near(random, stored[random.Next(stored.Length)], 0.3f);
            agreed += index.FindNearest(query, 1)!.Value.Slot == index.FindNearestExact(query, 1)!.Value.Slot ? 1 : 0;
        }

        Assert.True(agreed >= 291, $"recall@1 {agreed}/300");
    }

    [Theory]
    [InlineData(64, 1)]
    [InlineData(384, 1)]
    [InlineData(384, 5)]
    [InlineData(384, 16)]
    [InlineData(448, 5)]
    public void FindNearest_ReScoringAFewCandidates_ReScoresEveryCandidateBelowTheFirstPassCut(int dimensions, int rerank)
    {
        // Every list is scanned, and the first pass keeps the `rerank` candidates nearest by Hamming distance (ties
        // at the cut in scan order), whatever its cutoff skipped while scanning: so the answer is at most the
        // rerank-th smallest distance away, and no candidate strictly nearer than that may beat it.
        var random = new Random(dimensions + rerank);
        var index = new VectorIndex(dimensions, exhaustiveLimit: 256, probes: 100_000, rerankCandidates: rerank, maxListLength: 64);
        var live = new Dictionary<int, (float[] Vector, ulong Context)>();
        for (var i = 0; i < 3000; i++)
        {
            var vector = RandomUnit(random, dimensions);
            var context = (ulong)(1 + (i % 3));
            live[index.Add(vector, context)] = (vector, context);
            if (i % 4 == 3)
            {
                var victim = live.Keys.ElementAt(random.Next(live.Count));
                index.Remove(victim);
                live.Remove(victim);
            }
        }

        Assert.True(index.IsPartitioned);
        for (var q = 0; q < 100; q++)
        {
            var query = q % 2 == 0 ? RandomUnit(random, dimensions) : Near(random, live.Values.ElementAt(q).Vector, 0.5f);
            var context = (ulong)(1 + (q % 3));
            var found = index.FindNearest(query, context)!.Value;

            Assert.True(live.TryGetValue(found.Slot, out var winner));
            Assert.Equal(context, winner.Context);
            var candidates = live.Values.Where(v => v.Context == context)
                .Select(v => (Distance: CodeDistance(query, v.Vector), Score: TensorPrimitives.Dot(query, v.Vector))).ToList();
            var cut = candidates.Select(c => c.Distance).Order().ElementAt(rerank - 1);
            Assert.InRange(CodeDistance(query, winner.Vector), 0, cut);
            var bestNearer = candidates.Where(c => c.Distance < cut).Select(c => c.Score).DefaultIfEmpty(float.NegativeInfinity).Max();
            Assert.True(found.Similarity >= bestNearer - 1e-5f, $"query {q}: {found.Similarity} < {bestNearer}");
        }
    }

    private static int CodeDistance(float[] a, float[] b) => a.Zip(b).Count(pair => pair.First > 0f != pair.Second > 0f);

    [Fact]
    public void Remove_AfterSplits_NeverReturnsARemovedSlotAndKeepsListsConsistent()
    {
        var random = new Random(7);
        var index = new VectorIndex(24, exhaustiveLimit: 128, probes: 64, rerankCandidates: 64, maxListLength: 32);
        var stored = new Dictionary<int, float[]>();
        for (var i = 0; i < 3000; i++)
        {
            var vector = RandomUnit(random, 24);
            stored[index.Add(vector, 1)] = vector;
            if (i % 3 == 2)
            {
                // Remove an older vector: its list has been split since it was added, so its position was refiled.
                var victim = stored.Keys.ElementAt(random.Next(stored.Count));
                index.Remove(victim);
                stored.Remove(victim);
            }
        }

        Assert.Equal(stored.Count, index.Count);
        Assert.Equal(index.Count, index.ListLengths.Sum());
        foreach (var (slot, vector) in stored.Take(200))
        {
            var found = index.FindNearest(vector, 1)!.Value;
            Assert.True(stored.ContainsKey(found.Slot));
            Assert.Equal(1f, found.Similarity, 3);
            Assert.True(index.Vector(slot).SequenceEqual(vector));
        }

        foreach (var slot in stored.Keys.ToArray())
        {
            index.Remove(slot);
        }

        Assert.Equal(0, index.Count);
        Assert.Equal(0, index.ListLengths.Sum());
        Assert.Null(index.FindNearest(RandomUnit(random, 24), 1));
    }

    [Fact]
    public void Vector_ReadsBackEveryVectorAcrossStorageBlocks()
    {
        var random = new Random(8);
        var index = new VectorIndex(8, exhaustiveLimit: 64, probes: 4, rerankCandidates: 8, maxListLength: 256);
        var stored = Enumerable.Range(0, 10_000).Select(_ => RandomUnit(random, 8)).ToArray();
        var slots = stored.Select(vector => index.Add(vector, 3)).ToArray();

        for (var i = 0; i < stored.Length; i += 97)
        {
            Assert.True(index.Vector(slots[i]).SequenceEqual(stored[i]));
        }

        Assert.Equal(slots[9_999], index.FindNearestExact(stored[9_999], 3)!.Value.Slot);
    }

    // Every vector compared with the query, with no index at all: what a search with a bar must agree with.
    private static (int Slot, float Score)? BruteForce(List<float[]> vectors, float[] query, float minSimilarity)
    {
        (int Slot, float Score)? best = null;
        for (var slot = 0; slot < vectors.Count; slot++)
        {
            var score = TensorPrimitives.Dot(query, vectors[slot]);
            if (score >= minSimilarity && (best is null || score > best.Value.Score))
            {
                best = (slot, score);
            }
        }

        return best;
    }

    [Theory]
    [InlineData(384, 1.0f)]
    [InlineData(384, 3.5f)]
    [InlineData(100, 1.0f)]
    [InlineData(48, 1.0f)]
    public void FindNearest_WithABar_OnAnExhaustiveIndex_IsBruteForceAboveTheBar(int dimensions, float maxLength)
    {
        var random = new Random(dimensions);
        var index = new VectorIndex(dimensions, exhaustiveLimit: 4096);
        var vectors = new List<float[]>();
        for (var i = 0; i < 600; i++)
        {
            // Lengths up to maxLength: the bound must hold for vectors that are not unit vectors too.
            var vector = i % 3 == 0 && vectors.Count > 0 ? Near(random, vectors[random.Next(vectors.Count)], 0.3f) : RandomUnit(random, dimensions);
            TensorPrimitives.Multiply(vector, 1f + ((maxLength - 1f) * random.NextSingle()), vector);
            vectors.Add(vector);
            Assert.Equal(i, index.Add(vector, context: 5));
        }

        foreach (var bar in new[] { float.NegativeInfinity, -0.5f, 0f, 0.3f, 0.8f, 0.968f, 2f })
        {
            for (var q = 0; q < 60; q++)
            {
                var query = q % 2 == 0 ? Near(random, vectors[random.Next(vectors.Count)], 0.05f + (q * 0.01f)) : RandomUnit(random, dimensions);
                var expected = BruteForce(vectors, query, bar);

                var found = index.FindNearest(query, 5, bar);

                Assert.Equal(expected?.Slot, found?.Slot);
                if (expected is { } e)
                {
                    Assert.Equal(e.Score, found!.Value.Similarity);
                }
            }
        }
    }

    [Fact]
    public void FindNearest_WhenAllOfTheMatchIsInTheTail_StillFindsIt()
    {
        // Every candidate's head is zero, so only the tail decides: nothing may be dropped on its head alone.
        const int Dimensions = 128;
        var index = new VectorIndex(Dimensions);
        for (var i = 0; i < 40; i++)
        {
            var vector = new float[Dimensions];
            vector[64 + i] = 1f;
            index.Add(vector, 1);
        }

        var query = new float[Dimensions];
        query[64 + 17] = 0.96f;
        query[64 + 18] = 0.28f;

        var found = index.FindNearest(query, 1, minSimilarity: 0.95f);

        Assert.Equal(17, found!.Value.Slot);
        Assert.Equal(0.96f, found.Value.Similarity, 5);
        Assert.Null(index.FindNearest(query, 1, minSimilarity: 0.97f));
    }

    [Fact]
    public void FindNearest_WhenTheMatchIsLongerThanAUnitVector_BoundsItsTailByItsLength()
    {
        // Unit vectors, and one vector of length 2 whose whole length is in its tail: a bound that took every
        // vector for a unit vector would allow its tail at most 1 and drop it below a bar of 1.5.
        const int Dimensions = 128;
        var random = new Random(5);
        var index = new VectorIndex(Dimensions);
        for (var i = 0; i < 50; i++)
        {
            index.Add(RandomUnit(random, Dimensions), 1);
        }

        var longOne = new float[Dimensions];
        longOne[100] = 2f;
        var slot = index.Add(longOne, 1);
        var query = new float[Dimensions];
        query[100] = 1f;

        Assert.Equal(slot, index.FindNearest(query, 1, minSimilarity: 1.5f)!.Value.Slot);
        Assert.Null(index.FindNearest(query, 1, minSimilarity: 2.5f));
    }

    [Fact]
    public void FindNearest_WithABar_OnAPartitionedIndex_IsTheUnbarredMatchWhenItClearsTheBar()
    {
        var random = new Random(11);
        var index = new VectorIndex(384);
        var vectors = new List<float[]>();
        for (var i = 0; i < 6000; i++)
        {
            var vector = i % 4 == 0 && vectors.Count > 0 ? Near(random, vectors[random.Next(vectors.Count)], 0.4f) : RandomUnit(random, 384);
            vectors.Add(vector);
            index.Add(vector, 3);
        }

        Assert.True(index.IsPartitioned);
        var cleared = 0;
        for (var q = 0; q < 300; q++)
        {
            var query = Near(random, vectors[random.Next(vectors.Count)], 0.02f + (q % 30 * 0.02f));
            var unbarred = index.FindNearest(query, 3)!.Value;
            foreach (var bar in new[] { 0.5f, 0.9f, 0.968f })
            {
                var barred = index.FindNearest(query, 3, bar);

                Assert.Equal(unbarred.Similarity >= bar ? unbarred.Slot : null, barred?.Slot);
                Assert.Equal(unbarred.Similarity >= bar ? unbarred.Similarity : null, barred?.Similarity);
                cleared += barred is null ? 0 : 1;
            }
        }

        // Both outcomes were exercised: some queries clear each bar and some do not.
        Assert.InRange(cleared, 100, 800);
    }

    [Fact]
    public void Add_AcrossStorageBlocks_KeepsEveryVectorWhereItWasPut()
    {
        // Past the small blocks (64, 64, 128 … 2,048 slots) into the full-size ones (4,096 slots each).
        const int Dimensions = 16;
        var random = new Random(21);
        var index = new VectorIndex(Dimensions, exhaustiveLimit: 20_000);
        var vectors = new List<float[]>();
        for (var i = 0; i < 9_000; i++)
        {
            var vector = RandomUnit(random, Dimensions);
            vectors.Add(vector);
            Assert.Equal(i, index.Add(vector, context: 2));
        }

        foreach (var slot in new[] { 0, 63, 64, 127, 128, 255, 256, 511, 512, 1023, 1024, 2047, 2048, 4095, 4096, 8191, 8192, 8999 })
        {
            Assert.Equal(vectors[slot], index.Vector(slot).ToArray());
            Assert.Equal(slot, index.FindNearestExact(vectors[slot], 2)!.Value.Slot);
        }

        // A freed slot is reused, in whichever block it lies.
        index.Remove(2048);
        var replacement = RandomUnit(random, Dimensions);
        Assert.Equal(2048, index.Add(replacement, 2));
        Assert.Equal(replacement, index.Vector(2048).ToArray());
    }

    [Theory]
    [InlineData(1, 64)]
    [InlineData(64, 64)]
    [InlineData(65, 128)]
    [InlineData(129, 256)]
    [InlineData(2_049, 4_096)]
    [InlineData(4_097, 8_192)]
    [InlineData(8_193, 12_288)]
    public void AllocatedBytes_OfAnExhaustiveIndex_IsItsSlotsRoundedUpToTheBlocks(int vectors, int slots)
    {
        const int Dimensions = 8;
        var index = new VectorIndex(Dimensions, exhaustiveLimit: 20_000);
        var random = new Random(vectors);
        for (var i = 0; i < vectors; i++)
        {
            index.Add(RandomUnit(random, Dimensions), 1);
        }

        // Per slot: the floats, the context tag, and the list and position it is filed under.
        Assert.Equal((long)slots * ((Dimensions * sizeof(float)) + sizeof(ulong) + (2 * sizeof(int))), index.AllocatedBytes);
    }
}
