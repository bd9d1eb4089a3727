using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Switchyard.Caching.Vectors;

/// <summary>
/// Hamming distances from a query's sign code to a group of eight codes stored word by word (the
/// group's eight first words, then its eight second words, and so on), eight distances at once.
/// With AVX-512BW one load holds the same word of all eight codes: the bits that differ from the
/// query's are counted per byte by nibble table lookups (<c>vpshufb</c>) and summed per code by
/// <c>vpsadbw</c>, about a third of the instructions of six scalar <c>popcnt</c>s per code. AVX2 does
/// the same four codes at a time; anything else counts code by code.
/// </summary>
internal static class SignCodeGroup
{
    /// <summary>Codes per group.</summary>
    public const int Lanes = 8;

    // A byte holds at most 255: 31 words of 8 bits each, then the byte counts are summed into the totals.
    private const int WordsPerByteSum = 31;

    /// <summary>The distance from <paramref name="query"/> to each code of the group that starts at <paramref name="group"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> Distances(ref ulong group, ReadOnlySpan<ulong> query) =>
        Avx512BW.IsSupported ? DistancesAvx512(ref group, query)
        : Avx2.IsSupported ? Vector512.Create(DistancesAvx2(ref group, query, 0), DistancesAvx2(ref group, query, 4))
        : DistancesScalar(ref group, query);

    /// <summary><see cref="Distances"/> on AVX-512BW; only call where it is supported.</summary>
    // Inlined into the scan, so that the table and the query's words are set up once per list, not once per group.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> DistancesAvx512(ref ulong group, ReadOnlySpan<ulong> query)
    {
        var table = Vector512.Create(NibbleCounts(), NibbleCounts());
        var lowNibbles = Vector512.Create((byte)0x0F);
        var totals = Vector512<ulong>.Zero;
        var counts = Vector512<byte>.Zero;
        for (var w = 0; w < query.Length; w++)
        {
            var differing = (Vector512.LoadUnsafe(ref group, (nuint)(w * Lanes)) ^ Vector512.Create(query[w])).AsByte();
            counts += Avx512BW.Shuffle(table, differing & lowNibbles)
                + Avx512BW.Shuffle(table, Vector512.ShiftRightLogical(differing.AsUInt16(), 4).AsByte() & lowNibbles);
            if (w % WordsPerByteSum == WordsPerByteSum - 1)
            {
                totals += Avx512BW.SumAbsoluteDifferences(counts, Vector512<byte>.Zero).AsUInt64();
                counts = Vector512<byte>.Zero;
            }
        }

        return totals + Avx512BW.SumAbsoluteDifferences(counts, Vector512<byte>.Zero).AsUInt64();
    }

    /// <summary>The distances to the four codes from lane <paramref name="firstLane"/> on, on AVX2; only call where it is supported.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> DistancesAvx2(ref ulong group, ReadOnlySpan<ulong> query, int firstLane)
    {
        var table = NibbleCounts();
        var lowNibbles = Vector256.Create((byte)0x0F);
        var totals = Vector256<ulong>.Zero;
        var counts = Vector256<byte>.Zero;
        for (var w = 0; w < query.Length; w++)
        {
            var differing = (Vector256.LoadUnsafe(ref group, (nuint)((w * Lanes) + firstLane)) ^ Vector256.Create(query[w])).AsByte();
            counts += Avx2.Shuffle(table, differing & lowNibbles)
                + Avx2.Shuffle(table, Vector256.ShiftRightLogical(differing.AsUInt16(), 4).AsByte() & lowNibbles);
            if (w % WordsPerByteSum == WordsPerByteSum - 1)
            {
                totals += Avx2.SumAbsoluteDifferences(counts, Vector256<byte>.Zero).AsUInt64();
                counts = Vector256<byte>.Zero;
            }
        }

        return totals + Avx2.SumAbsoluteDifferences(counts, Vector256<byte>.Zero).AsUInt64();
    }

    /// <summary><see cref="Distances"/> code by code, on any CPU.</summary>
    public static Vector512<ulong> DistancesScalar(ref ulong group, ReadOnlySpan<ulong> query)
    {
        Span<ulong> distances = stackalloc ulong[Lanes];
        for (var lane = 0; lane < Lanes; lane++)
        {
            var distance = 0;
            for (var w = 0; w < query.Length; w++)
            {
                distance += BitOperations.PopCount(Unsafe.Add(ref group, (w * Lanes) + lane) ^ query[w]);
            }

            distances[lane] = (ulong)distance;
        }

        return Vector512.Create<ulong>(distances);
    }

    // The bits set in each of the sixteen nibbles, twice: the table vpshufb looks up in each 128-bit lane.
    private static Vector256<byte> NibbleCounts()
    {
        var counts = Vector128.Create((byte)0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4);
        return Vector256.Create(counts, counts);
    }
}
