using System.Numerics;
using System.Numerics.Tensors;

namespace Switchyard.Caching.Vectors;

/// <summary>
/// Unit vectors in one contiguous array, each tagged with a context (only vectors of the query's
/// context are candidates), compared by dot product with <see cref="TensorPrimitives"/> (SIMD).
/// Up to <see cref="ExhaustiveLimit"/> vectors, every candidate is scored exactly. Above it the index
/// partitions the vectors into lists around centroids (an inverted file, rebuilt as it grows fourfold).
/// A list that grows past twice the length the partition was sized for is split in two (2-means on its
/// members), so no list is much longer than the others. A search visits the lists whose centroids are
/// nearest the query until it has seen as many vectors as <see cref="Probes"/> lists of average length
/// hold — a bounded amount of work, whatever the lists' sizes — ranks their vectors by the Hamming
/// distance of one-bit-per-dimension sign codes (1/32 of the bytes) and scores only the
/// <see cref="RerankCandidates"/> closest exactly. Not thread-safe.
/// </summary>
public sealed class VectorIndex
{
    // Context 0 marks a free slot, so scans need no separate liveness array.
    private const ulong FreeSlot = 0;
    private const int LloydIterations = 5;
    private const int TrainingSamplesPerList = 48;

    private readonly int _words;
    private readonly Stack<int> _free = new();
    private float[] _vectors = [];
    private ulong[] _codes = [];
    private ulong[] _contexts = [];
    private int _used;

    // The inverted file: null until the index outgrows ExhaustiveLimit.
    private float[]? _centroids;
    private PostingList[] _lists = [];
    private int[] _listOf = [];
    private int[] _positionInList = [];
    private int _builtAt;
    private int _maxListLength;

    // Search scratch, reused: the index is single-threaded, and a lookup that allocates nothing never waits on a GC it caused.
    private readonly PriorityQueue<int, int> _candidates = new(Comparer<int>.Create((a, b) => b.CompareTo(a)));
    private float[] _listScores = [];
    private int[] _listOrder = [];

    /// <summary>Lists visited per search unless told otherwise.</summary>
    public const int DefaultProbes = 48;

    /// <summary>First-pass candidates re-scored exactly unless told otherwise.</summary>
    public const int DefaultRerankCandidates = 64;

    /// <summary>An empty index of <paramref name="dimensions"/>-dimensional vectors.</summary>
    public VectorIndex(int dimensions, int exhaustiveLimit = 16_384, int probes = DefaultProbes, int rerankCandidates = DefaultRerankCandidates)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(exhaustiveLimit, 64);
        ArgumentOutOfRangeException.ThrowIfLessThan(probes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rerankCandidates, 1);
        Dimensions = dimensions;
        ExhaustiveLimit = exhaustiveLimit;
        Probes = probes;
        RerankCandidates = rerankCandidates;
        _words = (dimensions + 63) / 64;
    }

    /// <summary>The vector length.</summary>
    public int Dimensions { get; }

    /// <summary>Up to this many vectors, searches are exact scans.</summary>
    public int ExhaustiveLimit { get; }

    /// <summary>
    /// Lists of average length a search visits once the index is partitioned: it scans the nearest lists
    /// until it has seen <c>Probes × Count / lists</c> vectors (at least one list, at most four times this many lists).
    /// </summary>
    public int Probes { get; }

    /// <summary>How many first-pass candidates are re-scored exactly.</summary>
    public int RerankCandidates { get; }

    /// <summary>Vectors held.</summary>
    public int Count { get; private set; }

    /// <summary>True once the index is partitioned into lists.</summary>
    public bool IsPartitioned => _centroids is not null;

    /// <summary>The length of each list of a partitioned index (empty before).</summary>
    public IReadOnlyList<int> ListLengths => _lists.Select(l => l.Count).ToArray();

    /// <summary>Bytes one vector costs in the index: the floats, the sign code, the context tag and its list position.</summary>
    public int BytesPerVector => (Dimensions * sizeof(float)) + (_words * sizeof(ulong)) + sizeof(ulong) + (3 * sizeof(int));

    /// <summary>The bytes of every array the index holds, spare capacity included.</summary>
    public long AllocatedBytes
    {
        get
        {
            long bytes = ((long)_vectors.Length * sizeof(float)) + ((long)_codes.Length * sizeof(ulong)) + ((long)_contexts.Length * sizeof(ulong))
                + ((long)_listOf.Length * sizeof(int)) + ((long)_positionInList.Length * sizeof(int)) + ((long)(_centroids?.Length ?? 0) * sizeof(float));
            foreach (var list in _lists)
            {
                bytes += ((long)list.Slots.Length * sizeof(int)) + ((long)list.Codes.Length * sizeof(ulong)) + ((long)list.Contexts.Length * sizeof(ulong));
            }

            return bytes;
        }
    }

    /// <summary>Adds <paramref name="vector"/> under <paramref name="context"/>; returns its slot.</summary>
    public int Add(ReadOnlySpan<float> vector, ulong context)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(vector.Length, Dimensions);
        var slot = _free.Count > 0 ? _free.Pop() : NextSlot();
        vector.CopyTo(_vectors.AsSpan(slot * Dimensions, Dimensions));
        Encode(vector, _codes.AsSpan(slot * _words, _words));
        _contexts[slot] = Tag(context);
        Count++;
        if (_centroids is not null)
        {
            var list = NearestCentroid(vector);
            Assign(slot, list);
            if (_lists[list].Count > _maxListLength)
            {
                Split(list);
            }
        }

        if (Count > ExhaustiveLimit && (_centroids is null || Count >= 4 * _builtAt))
        {
            Partition();
        }

        return slot;
    }

    /// <summary>Frees <paramref name="slot"/>.</summary>
    public void Remove(int slot)
    {
        if ((uint)slot >= (uint)_used || _contexts[slot] == FreeSlot)
        {
            return;
        }

        if (_centroids is not null)
        {
            var moved = _lists[_listOf[slot]].RemoveAt(_positionInList[slot]);
            if (moved >= 0)
            {
                _positionInList[moved] = _positionInList[slot];
            }
        }

        _contexts[slot] = FreeSlot;
        _free.Push(slot);
        Count--;
    }

    /// <summary>The vector in <paramref name="slot"/>.</summary>
    public ReadOnlySpan<float> Vector(int slot) => _vectors.AsSpan(slot * Dimensions, Dimensions);

    /// <summary>The most similar vector of <paramref name="context"/>: exact on small indexes, approximate on partitioned ones.</summary>
    public VectorMatch? FindNearest(ReadOnlySpan<float> query, ulong context) =>
        _centroids is null ? FindNearestExact(query, context) : FindNearestPartitioned(query, context);

    /// <summary>The most similar vector of <paramref name="context"/>, scoring every candidate exactly.</summary>
    public VectorMatch? FindNearestExact(ReadOnlySpan<float> query, ulong context)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(query.Length, Dimensions);
        var tag = Tag(context);
        var best = -1;
        var bestScore = float.NegativeInfinity;
        for (var slot = 0; slot < _used; slot++)
        {
            if (_contexts[slot] == tag)
            {
                var score = TensorPrimitives.Dot(query, _vectors.AsSpan(slot * Dimensions, Dimensions));
                if (score > bestScore)
                {
                    (best, bestScore) = (slot, score);
                }
            }
        }

        return best < 0 ? null : new VectorMatch(best, bestScore);
    }

    private VectorMatch? FindNearestPartitioned(ReadOnlySpan<float> query, ulong context)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(query.Length, Dimensions);
        var tag = Tag(context);
        Span<ulong> code = stackalloc ulong[_words];
        Encode(query, code);

        // A bounded max-heap of the closest codes: most vectors fail the cheap "closer than the worst kept" test.
        var heap = _candidates;
        heap.Clear();
        var worst = int.MaxValue;
        var budget = (long)Probes * Count / _lists.Length;
        var seen = 0L;
        foreach (var index in NearestLists(query))
        {
            // Each list keeps its vectors' codes and tags side by side, so the scan reads memory in order.
            var list = _lists[index];
            var listCodes = list.Codes.AsSpan();
            var listContexts = list.Contexts.AsSpan(0, list.Count);
            for (var i = 0; i < listContexts.Length; i++)
            {
                if (listContexts[i] != tag)
                {
                    continue;
                }

                var distance = Hamming(listCodes.Slice(i * _words, _words), code);
                if (heap.Count < RerankCandidates)
                {
                    heap.Enqueue(list.Slots[i], distance);
                    if (heap.Count == RerankCandidates)
                    {
                        heap.TryPeek(out _, out worst);
                    }
                }
                else if (distance < worst)
                {
                    heap.EnqueueDequeue(list.Slots[i], distance);
                    heap.TryPeek(out _, out worst);
                }
            }

            seen += list.Count;
            if (seen >= budget)
            {
                break;
            }
        }

        var best = -1;
        var bestScore = float.NegativeInfinity;
        while (heap.TryDequeue(out var slot, out _))
        {
            var score = TensorPrimitives.Dot(query, _vectors.AsSpan(slot * Dimensions, Dimensions));
            if (score > bestScore)
            {
                (best, bestScore) = (slot, score);
            }
        }

        return best < 0 ? null : new VectorMatch(best, bestScore);
    }

    private ReadOnlySpan<int> NearestLists(ReadOnlySpan<float> query)
    {
        // A partial selection: keep the best lists in a small sorted array instead of sorting them all.
        var centroids = _centroids!;
        var keep = Math.Min(4 * Probes, _lists.Length);
        if (_listOrder.Length < keep)
        {
            _listOrder = new int[keep];
            _listScores = new float[keep];
        }

        var lists = _listOrder.AsSpan(0, keep);
        var scores = _listScores.AsSpan(0, keep);
        var kept = 0;
        for (var i = 0; i < _lists.Length; i++)
        {
            var score = TensorPrimitives.Dot(query, centroids.AsSpan(i * Dimensions, Dimensions));
            if (kept == keep && score <= scores[kept - 1])
            {
                continue;
            }

            var at = kept < keep ? kept++ : kept - 1;
            while (at > 0 && scores[at - 1] < score)
            {
                scores[at] = scores[at - 1];
                lists[at] = lists[at - 1];
                at--;
            }

            scores[at] = score;
            lists[at] = i;
        }

        return lists[..kept];
    }

    private int NearestCentroid(ReadOnlySpan<float> vector)
    {
        var centroids = _centroids!;
        var best = 0;
        var bestScore = float.NegativeInfinity;
        for (var i = 0; i < _lists.Length; i++)
        {
            var score = TensorPrimitives.Dot(vector, centroids.AsSpan(i * Dimensions, Dimensions));
            if (score > bestScore)
            {
                (best, bestScore) = (i, score);
            }
        }

        return best;
    }

    private void Assign(int slot, int list)
    {
        _listOf[slot] = list;
        _positionInList[slot] = _lists[list].Add(slot, _codes.AsSpan(slot * _words, _words), _contexts[slot]);
    }

    /// <summary>Trains centroids (spherical k-means on a sample, seeded for reproducible searches) and files every vector under its nearest.</summary>
    private void Partition()
    {
        var live = Enumerable.Range(0, _used).Where(s => _contexts[s] != FreeSlot).ToArray();
        // Sized for the index at four times its size, when it is partitioned again.
        var listCount = Math.Max(16, 2 * (int)Math.Sqrt(live.Length));
        var random = new Random(live.Length);
        random.Shuffle(live);
        var sample = live.AsSpan(0, Math.Min(live.Length, listCount * TrainingSamplesPerList));

        var centroids = new float[listCount * Dimensions];
        for (var i = 0; i < listCount; i++)
        {
            Vector(sample[i]).CopyTo(centroids.AsSpan(i * Dimensions, Dimensions));
        }

        _centroids = centroids;
        _lists = new PostingList[listCount];
        for (var iteration = 0; iteration < LloydIterations; iteration++)
        {
            var sums = new float[centroids.Length];
            foreach (var slot in sample)
            {
                var nearest = NearestCentroid(Vector(slot));
                var sum = sums.AsSpan(nearest * Dimensions, Dimensions);
                TensorPrimitives.Add(sum, Vector(slot), sum);
            }

            for (var i = 0; i < listCount; i++)
            {
                var sum = sums.AsSpan(i * Dimensions, Dimensions);
                var norm = TensorPrimitives.Norm(sum);
                if (norm > 0f)
                {
                    // An empty cluster keeps its old centroid rather than collapsing to zero.
                    TensorPrimitives.Divide(sum, norm, centroids.AsSpan(i * Dimensions, Dimensions));
                }
            }
        }

        for (var i = 0; i < listCount; i++)
        {
            _lists[i] = new PostingList(_words);
        }

        foreach (var slot in live)
        {
            Assign(slot, NearestCentroid(Vector(slot)));
        }

        // Twice the mean length the lists will have when the index has grown fourfold and is partitioned again.
        _maxListLength = Math.Max(64, 8 * live.Length / listCount);
        for (var i = 0; i < _lists.Length; i++)
        {
            while (_lists[i].Count > _maxListLength)
            {
                Split(i);
            }
        }

        _builtAt = live.Length;
    }

    /// <summary>
    /// Splits list <paramref name="index"/> in two around two centroids found by spherical 2-means on its
    /// members; the new list is appended. Keeps every list's scan short, so a search's cost stays bounded.
    /// </summary>
    private void Split(int index)
    {
        var list = _lists[index];
        var members = list.Slots.AsSpan(0, list.Count).ToArray();
        var random = new Random(members.Length);
        var a = new float[Dimensions];
        var b = new float[Dimensions];
        Vector(members[0]).CopyTo(a);
        Vector(members[random.Next(1, members.Length)]).CopyTo(b);
        var inA = new bool[members.Length];
        for (var iteration = 0; iteration < LloydIterations; iteration++)
        {
            var sumA = new float[Dimensions];
            var sumB = new float[Dimensions];
            for (var m = 0; m < members.Length; m++)
            {
                var vector = Vector(members[m]);
                inA[m] = TensorPrimitives.Dot(vector, a) >= TensorPrimitives.Dot(vector, b);
                var sum = inA[m] ? sumA : sumB;
                TensorPrimitives.Add(sum, vector, sum);
            }

            Normalize(sumA, a);
            Normalize(sumB, b);
        }

        var countA = inA.Count(x => x);
        if (countA == 0 || countA == members.Length)
        {
            // Identical vectors cannot be told apart: halve the list by position instead, so it still shrinks.
            for (var m = 0; m < members.Length; m++)
            {
                inA[m] = m < members.Length / 2;
            }
        }

        var centroids = new float[_centroids!.Length + Dimensions];
        _centroids.CopyTo(centroids, 0);
        a.CopyTo(centroids.AsSpan(index * Dimensions, Dimensions));
        b.CopyTo(centroids.AsSpan(_centroids.Length, Dimensions));
        _centroids = centroids;
        var added = _lists.Length;
        Array.Resize(ref _lists, added + 1);
        _lists[index] = new PostingList(_words);
        _lists[added] = new PostingList(_words);
        for (var m = 0; m < members.Length; m++)
        {
            Assign(members[m], inA[m] ? index : added);
        }
    }

    private static void Normalize(ReadOnlySpan<float> sum, Span<float> destination)
    {
        var norm = TensorPrimitives.Norm(sum);
        if (norm > 0f)
        {
            // An empty side keeps its old centroid rather than collapsing to zero.
            TensorPrimitives.Divide(sum, norm, destination);
        }
    }

    private static int Hamming(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        var distance = 0;
        for (var i = 0; i < a.Length; i++)
        {
            distance += BitOperations.PopCount(a[i] ^ b[i]);
        }

        return distance;
    }

    private static void Encode(ReadOnlySpan<float> vector, Span<ulong> code)
    {
        code.Clear();
        for (var i = 0; i < vector.Length; i++)
        {
            if (vector[i] > 0f)
            {
                code[i >> 6] |= 1UL << (i & 63);
            }
        }
    }

    private static ulong Tag(ulong context) => context == FreeSlot ? 1 : context;

    private int NextSlot()
    {
        if (_used == _contexts.Length)
        {
            var capacity = Math.Max(64, _contexts.Length * 2);
            Array.Resize(ref _vectors, capacity * Dimensions);
            Array.Resize(ref _codes, capacity * _words);
            Array.Resize(ref _contexts, capacity);
            Array.Resize(ref _listOf, capacity);
            Array.Resize(ref _positionInList, capacity);
        }

        return _used++;
    }

    /// <summary>The vectors filed under one centroid: slots, sign codes and context tags in parallel arrays.</summary>
    private sealed class PostingList(int words)
    {
        public int[] Slots = new int[16];
        public ulong[] Codes = new ulong[16 * words];
        public ulong[] Contexts = new ulong[16];
        public int Count;

        public int Add(int slot, ReadOnlySpan<ulong> code, ulong context)
        {
            if (Count == Slots.Length)
            {
                Array.Resize(ref Slots, Count * 2);
                Array.Resize(ref Codes, Count * 2 * words);
                Array.Resize(ref Contexts, Count * 2);
            }

            Slots[Count] = slot;
            code.CopyTo(Codes.AsSpan(Count * words, words));
            Contexts[Count] = context;
            return Count++;
        }

        /// <summary>Removes position <paramref name="position"/> by moving the last entry into it; returns the moved slot, or -1.</summary>
        public int RemoveAt(int position)
        {
            var last = --Count;
            if (position == last)
            {
                return -1;
            }

            Slots[position] = Slots[last];
            Codes.AsSpan(last * words, words).CopyTo(Codes.AsSpan(position * words, words));
            Contexts[position] = Contexts[last];
            return Slots[position];
        }
    }
}
