namespace Switchyard.Caching.Vectors;

public sealed partial class VectorIndex
{
    /// <summary>
    /// The vectors filed under one centroid: slots, context tags and sign codes. Codes are kept in groups
    /// of <see cref="SignCodeGroup.Lanes"/> entries, word by word (the group's first words, then its second
    /// words, and so on), so that the first pass compares a whole group with the query at once
    /// (<see cref="SignCodeGroup"/>). Capacity is always whole groups, and every position past the count
    /// holds the free tag, so a group's tags can be compared with the query's all at once.
    /// </summary>
    private sealed class PostingList
    {
        private const int Lanes = SignCodeGroup.Lanes;
        private readonly int _words;

        public PostingList(int words, int capacity)
        {
            _words = words;
            capacity = WholeGroups(capacity);
            Slots = new int[capacity];
            Codes = new ulong[capacity * words];
            Contexts = new ulong[capacity];
        }

        public int[] Slots;
        public ulong[] Codes;
        public ulong[] Contexts;
        public int Count;

        /// <summary>Where the codes of the group holding <paramref name="position"/> start.</summary>
        public int GroupStart(int position) => (position & -Lanes) * _words;

        /// <summary>Appends an entry; returns its position. Capacity doubles, but not past <paramref name="cap"/> (in whole groups) unless the list is already that long.</summary>
        public int Add(int slot, ReadOnlySpan<ulong> code, ulong context, int cap)
        {
            if (Count == Slots.Length)
            {
                // Groups do not depend on the capacity, so growing only appends whole groups.
                var capacity = WholeGroups(Count < cap ? Math.Min(Count * 2, cap) : Count * 2);
                Array.Resize(ref Slots, capacity);
                Array.Resize(ref Codes, capacity * _words);
                Array.Resize(ref Contexts, capacity);
            }

            Slots[Count] = slot;
            for (var w = 0; w < _words; w++)
            {
                Codes[WordAt(Count, w)] = code[w];
            }

            Contexts[Count] = context;
            return Count++;
        }

        /// <summary>Removes position <paramref name="position"/> by moving the last entry into it; returns the moved slot, or -1.</summary>
        public int RemoveAt(int position)
        {
            var last = --Count;
            var moved = -1;
            if (position != last)
            {
                Slots[position] = Slots[last];
                for (var w = 0; w < _words; w++)
                {
                    Codes[WordAt(position, w)] = Codes[WordAt(last, w)];
                }

                Contexts[position] = Contexts[last];
                moved = Slots[position];
            }

            Contexts[last] = FreeSlot;
            return moved;
        }

        /// <summary>Copies the code at <paramref name="position"/> into <paramref name="destination"/>.</summary>
        public void CodeAt(int position, Span<ulong> destination)
        {
            for (var w = 0; w < _words; w++)
            {
                destination[w] = Codes[WordAt(position, w)];
            }
        }

        private static int WholeGroups(int entries) => (entries + Lanes - 1) & -Lanes;

        private int WordAt(int position, int word) => GroupStart(position) + (word * Lanes) + (position & (Lanes - 1));
    }
}
