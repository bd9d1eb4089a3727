using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Switchyard.Caching.Vectors;

public sealed partial class VectorIndex
{
    /// <summary>
    /// The first pass of a partitioned search: the Hamming distance of every candidate of the query's
    /// context in the lists it is given, a group of eight at a time (<see cref="SignCodeGroup"/>). Only a
    /// candidate within the cutoff is kept: its distance and slot go into the candidate arrays, counted in
    /// the histogram. The cutoff starts at the longest distance and falls as soon as <c>enough</c> kept
    /// candidates lie at or below a lower one, so after the first few hundred candidates almost none is
    /// written anywhere. Every candidate at or below the final cutoff is kept, in scan order, and the
    /// cutoff never falls below the distance that separates the closest <c>enough</c>: ranking the kept
    /// candidates by the histogram chooses exactly what ranking all of them would.
    /// </summary>
    private ref struct FirstPass
    {
        private readonly ulong _tag;
        private readonly ReadOnlySpan<ulong> _query;
        private readonly Span<int> _histogram;
        private readonly int _enough;
        private int _cutoff;
        private int _atOrBelowCutoff;

        public FirstPass(ulong tag, ReadOnlySpan<ulong> query, int[] histogram, int enough)
        {
            _tag = tag;
            _query = query;
            _histogram = histogram;
            _histogram.Clear();
            _enough = enough;
            _cutoff = _histogram.Length - 1;
        }

        /// <summary>Candidates of the query's context scanned so far.</summary>
        public int Matched { get; private set; }

        /// <summary>Candidates kept so far (the first <see cref="Kept"/> entries of the candidate arrays).</summary>
        public int Kept { get; private set; }

        public void Scan(PostingList list, int[] distances, int[] slots)
        {
            var tag = Vector512.Create(_tag);
            ref var contexts = ref MemoryMarshal.GetArrayDataReference(list.Contexts);
            ref var codes = ref MemoryMarshal.GetArrayDataReference(list.Codes);
            for (var first = 0; first < list.Count; first += SignCodeGroup.Lanes)
            {
                // Positions past the count hold the free tag, which is never a query's.
                var matching = (uint)Vector512.Equals(Vector512.LoadUnsafe(ref contexts, (nuint)first), tag).ExtractMostSignificantBits();
                if (matching == 0)
                {
                    continue;
                }

                Matched += BitOperations.PopCount(matching);
                var group = SignCodeGroup.Distances(ref Unsafe.Add(ref codes, list.GroupStart(first)), _query);
                var within = matching & (uint)Vector512.LessThanOrEqual(group, Vector512.Create((ulong)_cutoff)).ExtractMostSignificantBits();
                while (within != 0)
                {
                    var lane = BitOperations.TrailingZeroCount(within);
                    within &= within - 1;
                    var distance = (int)group.GetElement(lane);
                    if (distance <= _cutoff)
                    {
                        // The cutoff may have fallen since the group was compared with it.
                        Keep(distance, list.Slots[first + lane], distances, slots);
                    }
                }
            }
        }

        private void Keep(int distance, int slot, int[] distances, int[] slots)
        {
            distances[Kept] = distance;
            slots[Kept++] = slot;
            _histogram[distance]++;
            _atOrBelowCutoff++;
            while (_atOrBelowCutoff - _histogram[_cutoff] >= _enough)
            {
                _atOrBelowCutoff -= _histogram[_cutoff--];
            }
        }
    }
}
