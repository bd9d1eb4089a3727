using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Switchyard.Caching.Vectors;

namespace Switchyard.Tests.Caching;

public sealed class SignCodeGroupTests
{
    public static TheoryData<int> Widths => [1, 2, 6, 7, 30, 31, 32, 33, 62, 63, 64];

    [Theory]
    [MemberData(nameof(Widths))]
    public void EveryPathTheCpuSupports_CountsTheBitsThatDifferFromTheQuery(int words)
    {
        var random = new Random(words);
        var group = new ulong[SignCodeGroup.Lanes * words];
        var query = new ulong[words];
        random.NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(group.AsSpan()));
        random.NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(query.AsSpan()));
        // Lane 0 is the query itself, lane 1 its complement: the two ends of the range.
        for (var w = 0; w < words; w++)
        {
            group[w * SignCodeGroup.Lanes] = query[w];
            group[(w * SignCodeGroup.Lanes) + 1] = ~query[w];
        }

        var expected = new ulong[SignCodeGroup.Lanes];
        for (var lane = 0; lane < SignCodeGroup.Lanes; lane++)
        {
            for (var w = 0; w < words; w++)
            {
                expected[lane] += (ulong)BitOperations.PopCount(group[(w * SignCodeGroup.Lanes) + lane] ^ query[w]);
            }
        }

        Assert.Equal(0UL, expected[0]);
        Assert.Equal(64UL * (ulong)words, expected[1]);
        Assert.Equal(expected, Lanes(SignCodeGroup.DistancesScalar(ref group[0], query)));
        Assert.Equal(expected, Lanes(SignCodeGroup.Distances(ref group[0], query)));
        if (Avx2.IsSupported)
        {
            Assert.Equal(expected, Lanes(Vector512.Create(
                SignCodeGroup.DistancesAvx2(ref group[0], query, 0), SignCodeGroup.DistancesAvx2(ref group[0], query, 4))));
        }

        if (Avx512BW.IsSupported)
        {
            Assert.Equal(expected, Lanes(SignCodeGroup.DistancesAvx512(ref group[0], query)));
        }
    }

    private static ulong[] Lanes(Vector512<ulong> distances)
    {
        var lanes = new ulong[SignCodeGroup.Lanes];
        distances.CopyTo(lanes);
        return lanes;
    }
}
