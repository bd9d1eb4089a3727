using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Switchyard.Caching.Vectors;

/// <summary>
/// Unit vectors, each tagged with a context (only vectors of the query's context are candidates),
/// compared by dot product with <see cref="TensorPrimitives"/> (SIMD). Up to <see cref="ExhaustiveLimit"/>
/// vectors, every candidate is scored exactly. Past it the index becomes an inverted file: vectors are
/// filed in lists around centroids, and a list longer than <see cref="MaxListLength"/> is split in two
/// (2-means trained on a bounded sample of its members). Lists are only ever split, never rebuilt all
/// at once, and an <see cref="Add"/> performs at most one split, so no insert pays for more than one
/// bounded split. A search visits the lists whose centroids are nearest the query until it has seen as
/// many vectors as <see cref="Probes"/> lists of average length hold, ranks their vectors by the Hamming
/// distance of one-bit-per-dimension sign codes (1/32 of the bytes, kept per list in groups of eight compared at once) and scores
/// only the closest exactly: <see cref="RerankCandidates"/> after a full scan, fewer after a smaller one. Vectors are stored in fixed-size blocks, so
/// growing the index allocates one block and never copies the vectors already held. Not thread-safe, except
/// that <see cref="DeferReuse"/> lets another thread read the vectors held at that moment.
/// </summary>
public sealed partial class VectorIndex
{
    // Context 0 marks a free slot, so scans need no separate liveness array.
    private const ulong FreeSlot = 0;
    private const int LloydIterations = 5;

    // A split trains its two centroids on at most this many of the list's members.
    private const int SplitTrainingSample = 1024;

    // Slots per storage block (4,096). Below that the blocks double from 64 slots: blocks 0 and 1 hold
    // 64 slots each, block k (2 to 6) the 2^(k+5) slots from 2^(k+5) on, so a small index stays small and
    // no block is ever copied into a bigger one. From slot 4,096 on every block is full size.
    private const int BlockShift = 12;
    private const int BlockSize = 1 << BlockShift;
    private const int BlockMask = BlockSize - 1;
    private const int FirstBlockShift = 6;
    private const int SmallBlocks = BlockShift - FirstBlockShift + 1;

    private readonly int _words;
    private readonly Stack<int> _free = new();

    // While above zero, freed slots wait here instead of in _free, so no vector is overwritten (see DeferReuse).
    private int _reuseDeferrals;
    private readonly List<int> _freedWhileDeferred = [];
    private Block[] _blocks = [];
    private int _blockCount;
    private int _used;

    // The largest squared length of any vector ever added (1 for unit vectors): with a candidate's head, it bounds its tail's length.
    private float _maxSquaredLength;

    // The inverted file: centroids and lists, both with spare capacity (grown by doubling); null until the index outgrows ExhaustiveLimit.
    private float[]? _centroids;
    private PostingList[] _lists = [];
    private int _listCount;
    private readonly Stack<int> _oversized = new();

    // Search scratch, reused: the index is single-threaded, and a lookup that allocates nothing never waits on a GC it caused.
    private readonly int[] _histogram;
    private int[] _candidateSlots = [];
    private readonly int[] _chosen;
    private int[] _candidateDistances = [];
    private float[] _listScores = [];
    private int[] _listOrder = [];

    // Split scratch, reused.
    private int[] _members = [];
    private bool[] _inFirst = [];
    private readonly float[] _splitScratch;

    /// <summary>Lists of average length a search visits unless told otherwise.</summary>
    public const int DefaultProbes = 48;

    /// <summary>First-pass candidates re-scored exactly after a full scan, unless told otherwise.</summary>
    public const int DefaultRerankCandidates = 64;

    /// <summary>The fewest first-pass candidates re-scored however little a lookup scanned (unless <see cref="RerankCandidates"/> is fewer).</summary>
    public const int MinRerankCandidates = 16;

    /// <summary>The longest a list may grow before it is split, unless told otherwise (or unless <see cref="ExhaustiveLimit"/> is smaller).</summary>
    public const int DefaultMaxListLength = 1024;

    /// <summary>An empty index of <paramref name="dimensions"/>-dimensional vectors.</summary>
    /// <param name="dimensions">The vector length.</param>
    /// <param name="exhaustiveLimit">Up to this many vectors, searches are exact scans.</param>
    /// <param name="probes">Lists of average length a search visits.</param>
    /// <param name="rerankCandidates">First-pass candidates re-scored exactly.</param>
    /// <param name="maxListLength">The longest a list may grow before it is split; by default the smaller of <see cref="DefaultMaxListLength"/> and <paramref name="exhaustiveLimit"/>.</param>
    public VectorIndex(int dimensions, int exhaustiveLimit = DefaultMaxListLength, int probes = DefaultProbes, int rerankCandidates = DefaultRerankCandidates, int? maxListLength = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(exhaustiveLimit, 64);
        ArgumentOutOfRangeException.ThrowIfLessThan(probes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rerankCandidates, 1);
        var maxLength = maxListLength ?? Math.Min(DefaultMaxListLength, exhaustiveLimit);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 16, nameof(maxListLength));
        Dimensions = dimensions;
        ExhaustiveLimit = exhaustiveLimit;
        Probes = probes;
        RerankCandidates = rerankCandidates;
        MaxListLength = maxLength;
        _words = (dimensions + 63) / 64;
        _splitScratch = new float[4 * dimensions];
        _histogram = new int[(_words * 64) + 1];
        _chosen = new int[rerankCandidates];
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

    /// <summary>
    /// How many first-pass candidates are re-scored exactly after a lookup that scanned <see cref="Probes"/> lists of
    /// half the longest length; a lookup that scanned fewer re-scores proportionally fewer (at least <see cref="MinRerankCandidates"/>).
    /// </summary>
    public int RerankCandidates { get; }

    /// <summary>The longest a list grows: one more vector and it is split in two by the next <see cref="Add"/>.</summary>
    public int MaxListLength { get; }

    /// <summary>Vectors held.</summary>
    public int Count { get; private set; }

    /// <summary>True once the index is partitioned into lists.</summary>
    public bool IsPartitioned => _centroids is not null;

    /// <summary>The length of each list of a partitioned index (empty before).</summary>
    public IReadOnlyList<int> ListLengths => _lists.Take(_listCount).Select(l => l.Count).ToArray();

    /// <summary>
    /// Bytes one vector costs in the index: the floats, its context tag, list and position, and in its
    /// list the sign code, a copy of the tag and the slot.
    /// </summary>
    public int BytesPerVector => (Dimensions * sizeof(float)) + sizeof(ulong) + (2 * sizeof(int)) + (_words * sizeof(ulong)) + sizeof(ulong) + sizeof(int);

    /// <summary>The bytes of every array the index holds, spare capacity included.</summary>
    public long AllocatedBytes
    {
        get
        {
            var bytes = (long)(_centroids?.Length ?? 0) * sizeof(float);
            for (var b = 0; b < _blockCount; b++)
            {
                var block = _blocks[b];
                bytes += ((long)block.Vectors.Length * sizeof(float)) + ((long)block.Contexts.Length * sizeof(ulong))
                    + ((long)block.ListOf.Length * sizeof(int)) + ((long)block.Position.Length * sizeof(int));
            }

            for (var i = 0; i < _listCount; i++)
            {
                var list = _lists[i];
                bytes += ((long)list.Slots.Length * sizeof(int)) + ((long)list.Codes.Length * sizeof(ulong)) + ((long)list.Contexts.Length * sizeof(ulong));
            }

            return bytes;
        }
    }

    /// <summary>
    /// Adds <paramref name="vector"/> under <paramref name="context"/>; returns its slot. Costs one scan of
    /// the centroids and at most one split of a list (bounded: a sample of <c>1,024</c> members trains it).
    /// </summary>
    public int Add(ReadOnlySpan<float> vector, ulong context)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(vector.Length, Dimensions);
        var slot = _free.Count > 0 ? _free.Pop() : NextSlot();
        var block = Locate(slot, out var at);
        vector.CopyTo(block.Vectors.AsSpan(at * Dimensions, Dimensions));
        _maxSquaredLength = MathF.Max(_maxSquaredLength, TensorPrimitives.SumOfSquares(vector));
        block.Contexts[at] = Tag(context);
        Count++;
        if (_centroids is not null)
        {
            Span<ulong> code = stackalloc ulong[_words];
            Encode(vector, code);
            var list = NearestCentroid(vector);
            File(slot, list, code);
            if (_lists[list].Count == MaxListLength + 1)
            {
                _oversized.Push(list);
            }

            SplitOneOversized();
        }
        else if (Count > ExhaustiveLimit)
        {
            Partition();
        }

        return slot;
    }

    /// <summary>Frees <paramref name="slot"/>.</summary>
    public void Remove(int slot)
    {
        if ((uint)slot >= (uint)_used)
        {
            return;
        }

        var block = Locate(slot, out var at);
        if (block.Contexts[at] == FreeSlot)
        {
            return;
        }

        if (_centroids is not null)
        {
            var moved = _lists[block.ListOf[at]].RemoveAt(block.Position[at]);
            if (moved >= 0)
            {
                Locate(moved, out var movedAt).Position[movedAt] = block.Position[at];
            }
        }

        block.Contexts[at] = FreeSlot;
        if (_reuseDeferrals > 0)
        {
            _freedWhileDeferred.Add(slot);
        }
        else
        {
            _free.Push(slot);
        }

        Count--;
    }

    /// <summary>
    /// Until a matching <see cref="ResumeReuse"/>, no freed slot is reused: new vectors go to new slots, so
    /// the vector of every slot held now stays as it is. Meanwhile another thread may read those slots with
    /// <see cref="Vector"/> (a snapshot being written) while this index's own thread goes on adding, removing
    /// and searching: vectors are never moved or copied once written, and a slot's floats are only ever
    /// written when the slot is taken.
    /// </summary>
    public void DeferReuse() => _reuseDeferrals++;

    /// <summary>Ends one <see cref="DeferReuse"/>; after the last, the slots freed meanwhile can be reused.</summary>
    public void ResumeReuse()
    {
        if (_reuseDeferrals == 0)
        {
            throw new InvalidOperationException("ResumeReuse without a matching DeferReuse.");
        }

        if (--_reuseDeferrals == 0)
        {
            foreach (var slot in _freedWhileDeferred)
            {
                _free.Push(slot);
            }

            _freedWhileDeferred.Clear();
        }
    }

    /// <summary>The vector in <paramref name="slot"/>.</summary>
    public ReadOnlySpan<float> Vector(int slot) => VectorSpan(slot);

    /// <summary>
    /// The most similar vector of <paramref name="context"/>, if its similarity is at least <paramref name="minSimilarity"/>:
    /// exact on small indexes, approximate on partitioned ones. Candidates are scored by <see cref="BoundedScorer"/>, so
    /// with a high bar (a cache's similarity threshold) a lookup that finds nothing reads only the head of each candidate.
    /// </summary>
    public VectorMatch? FindNearest(ReadOnlySpan<float> query, ulong context, float minSimilarity = float.NegativeInfinity) =>
        _centroids is null ? FindNearestExact(query, context, minSimilarity) : FindNearestPartitioned(query, context, minSimilarity);

    /// <summary>
    /// The most similar vector of <paramref name="context"/>, if its similarity is at least <paramref name="minSimilarity"/>,
    /// comparing the query with every candidate.
    /// </summary>
    public VectorMatch? FindNearestExact(ReadOnlySpan<float> query, ulong context, float minSimilarity = float.NegativeInfinity)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(query.Length, Dimensions);
        var tag = Tag(context);
        var scorer = new BoundedScorer(query, _maxSquaredLength, minSimilarity);
        for (var b = 0; b < _blockCount; b++)
        {
            var block = _blocks[b];
            var first = FirstSlotOf(b);
            var length = Math.Min(block.Contexts.Length, _used - first);
            for (var i = 0; i < length; i++)
            {
                if (block.Contexts[i] == tag)
                {
                    scorer.Offer(first + i, block.Vectors.AsSpan(i * Dimensions, Dimensions));
                }
            }
        }

        return scorer.Best;
    }

    private VectorMatch? FindNearestPartitioned(ReadOnlySpan<float> query, ulong context, float minSimilarity)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(query.Length, Dimensions);
        Span<ulong> code = stackalloc ulong[_words];
        Encode(query, code);

        // First pass: the Hamming distance of every candidate in the nearest lists, eight at a time. Only a
        // candidate within the cutoff is kept (its distance and slot into scratch arrays, counted in a
        // histogram); the cutoff falls as soon as RerankCandidates kept ones lie at or below a lower distance.
        var scan = new FirstPass(Tag(context), code, _histogram, RerankCandidates);
        var budget = (long)Probes * Count / _listCount;
        var seen = 0L;
        foreach (var index in NearestLists(query))
        {
            var list = _lists[index];
            EnsureCandidateCapacity(scan.Kept + list.Count);
            scan.Scan(list, _candidateDistances, _candidateSlots);
            seen += list.Count;
            if (seen >= budget)
            {
                break;
            }
        }

        // The distance below which at most `rerank` candidates lie; those at exactly it fill the rest, nearest lists first.
        // Every candidate at or below that distance was kept (FirstPass), so this chooses what ranking them all would.
        var histogram = _histogram.AsSpan();
        var rerank = RerankFor(scan.Matched);
        var threshold = 0;
        var below = 0;
        while (threshold < histogram.Length && below + histogram[threshold] <= rerank)
        {
            below += histogram[threshold++];
        }

        // The chosen candidates are gathered first and their vectors' first lines asked of memory at once, so
        // that the re-scoring waits for one round of cache misses instead of one per candidate.
        var tiesLeft = rerank - below;
        var chosen = 0;
        for (var i = 0; i < scan.Kept && chosen < rerank; i++)
        {
            var distance = _candidateDistances[i];
            if (distance < threshold || (distance == threshold && tiesLeft-- > 0))
            {
                var slot = _candidateSlots[i];
                _chosen[chosen++] = slot;
                Prefetch(VectorSpan(slot));
            }
        }

        var scorer = new BoundedScorer(query, _maxSquaredLength, minSimilarity);
        foreach (var slot in _chosen.AsSpan(0, chosen))
        {
            scorer.Offer(slot, VectorSpan(slot));
        }

        return scorer.Best;
    }

    /// <summary>
    /// First-pass candidates to re-score when the scan found <paramref name="candidates"/> vectors of the query's context
    /// (only they compete for the re-scoring): <see cref="RerankCandidates"/>
    /// for a scan of <see cref="Probes"/> lists half as long as <see cref="MaxListLength"/>, proportionally fewer for a
    /// smaller scan, never fewer than <see cref="MinRerankCandidates"/>. A scan of fewer vectors ranks the true neighbour
    /// among fewer impostors, while every exact score reads a whole vector from memory: at a gateway's index sizes the
    /// re-scoring used to cost more than the scan.
    /// </summary>
    private int RerankFor(int candidates)
    {
        var fullScan = Math.Max(1L, (long)Probes * MaxListLength / 2);
        var proportional = (long)RerankCandidates * candidates / fullScan;
        return (int)Math.Clamp(proportional, Math.Min(MinRerankCandidates, RerankCandidates), RerankCandidates);
    }

    private void EnsureCandidateCapacity(int count)
    {
        if (_candidateSlots.Length < count)
        {
            var capacity = Math.Max(count, 2 * _candidateSlots.Length);
            Array.Resize(ref _candidateSlots, capacity);
            Array.Resize(ref _candidateDistances, capacity);
        }
    }

    private ReadOnlySpan<int> NearestLists(ReadOnlySpan<float> query)
    {
        // A partial selection: keep the best lists in a small sorted array instead of sorting them all.
        var centroids = _centroids!;
        var keep = Math.Min(4 * Probes, _listCount);
        if (_listOrder.Length < keep)
        {
            _listOrder = new int[keep];
            _listScores = new float[keep];
        }

        var lists = _listOrder.AsSpan(0, keep);
        var scores = _listScores.AsSpan(0, keep);
        var kept = 0;
        for (var i = 0; i < _listCount; i++)
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
        for (var i = 0; i < _listCount; i++)
        {
            var score = TensorPrimitives.Dot(vector, centroids.AsSpan(i * Dimensions, Dimensions));
            if (score > bestScore)
            {
                (best, bestScore) = (i, score);
            }
        }

        return best;
    }

    private void File(int slot, int list, ReadOnlySpan<ulong> code)
    {
        var block = Locate(slot, out var at);
        block.ListOf[at] = list;
        block.Position[at] = _lists[list].Add(slot, code, block.Contexts[at], MaxListLength + 1);
    }

    /// <summary>
    /// Turns the exhaustive index into an inverted file of one list around the vectors' mean direction, and
    /// splits it once. With the default limits the list is one vector too long, so that one split is an
    /// ordinary one; with an <see cref="ExhaustiveLimit"/> far above <see cref="MaxListLength"/> the halves are
    /// still too long and the following adds split them, one split each. No call trains a whole partition.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Partition()
    {
        var mean = _splitScratch.AsSpan(0, Dimensions);
        mean.Clear();
        for (var slot = 0; slot < _used; slot++)
        {
            if (IsLive(slot))
            {
                TensorPrimitives.Add(mean, VectorSpan(slot), mean);
            }
        }

        _centroids = new float[16 * Dimensions];
        _lists = new PostingList[16];
        _listCount = 0;
        AppendList(mean);
        Span<ulong> code = stackalloc ulong[_words];
        for (var slot = 0; slot < _used; slot++)
        {
            if (IsLive(slot))
            {
                Encode(VectorSpan(slot), code);
                File(slot, 0, code);
            }
        }

        if (_lists[0].Count > MaxListLength)
        {
            _oversized.Push(0);
        }

        SplitOneOversized();
    }

    /// <summary>Splits the most recently overfull list that is still too long, if any: at most one split per call.</summary>
    private void SplitOneOversized()
    {
        while (_oversized.TryPop(out var list))
        {
            if (_lists[list].Count > MaxListLength)
            {
                Split(list);
                return;
            }
        }
    }

    /// <summary>
    /// Splits list <paramref name="index"/> in two around two centroids found by spherical 2-means on (a
    /// sample of) its members; the second half becomes a new list. Its cost is bounded by the sample for
    /// training and is linear in the list's length for filing the members.
    /// </summary>
    // Optimised at once: splits are rare, and their first calls would otherwise run unoptimised code on an insert's turn.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Split(int index)
    {
        var old = _lists[index];
        var count = old.Count;
        if (_members.Length < count)
        {
            _members = new int[count];
            _inFirst = new bool[count];
        }

        var members = _members.AsSpan(0, count);
        old.Slots.AsSpan(0, count).CopyTo(members);
        var inFirst = _inFirst.AsSpan(0, count);
        var a = _splitScratch.AsSpan(0, Dimensions);
        var b = _splitScratch.AsSpan(Dimensions, Dimensions);
        var sumA = _splitScratch.AsSpan(2 * Dimensions, Dimensions);
        var sumB = _splitScratch.AsSpan(3 * Dimensions, Dimensions);

        // Training sample: evenly spaced members (all of them when few). Seeds: the first, and the member least like it.
        var sampleSize = Math.Min(count, SplitTrainingSample);
        VectorSpan(members[0]).CopyTo(a);
        var farthest = members[0];
        var lowest = float.PositiveInfinity;
        for (var s = 0; s < sampleSize; s++)
        {
            var member = members[(int)((long)s * count / sampleSize)];
            var score = TensorPrimitives.Dot(VectorSpan(member), a);
            if (score < lowest)
            {
                (farthest, lowest) = (member, score);
            }
        }

        VectorSpan(farthest).CopyTo(b);
        for (var iteration = 0; iteration < LloydIterations; iteration++)
        {
            sumA.Clear();
            sumB.Clear();
            for (var s = 0; s < sampleSize; s++)
            {
                var vector = VectorSpan(members[(int)((long)s * count / sampleSize)]);
                var sum = TensorPrimitives.Dot(vector, a) >= TensorPrimitives.Dot(vector, b) ? sumA : sumB;
                TensorPrimitives.Add(sum, vector, sum);
            }

            Normalize(sumA, a);
            Normalize(sumB, b);
        }

        var countA = 0;
        for (var m = 0; m < count; m++)
        {
            var vector = VectorSpan(members[m]);
            inFirst[m] = TensorPrimitives.Dot(vector, a) >= TensorPrimitives.Dot(vector, b);
            countA += inFirst[m] ? 1 : 0;
        }

        if (countA == 0 || countA == count)
        {
            // Identical vectors cannot be told apart: halve the list by position instead, so it still shrinks.
            for (var m = 0; m < count; m++)
            {
                inFirst[m] = m < count / 2;
            }
        }

        a.CopyTo(_centroids.AsSpan(index * Dimensions, Dimensions));
        _lists[index] = new PostingList(_words, Math.Min(count, MaxListLength + 1));
        var added = AppendList(b);
        Span<ulong> code = stackalloc ulong[_words];
        for (var m = 0; m < count; m++)
        {
            old.CodeAt(m, code);
            File(members[m], inFirst[m] ? index : added, code);
        }

        // Only the one list a whole partition starts from splits into halves still too long.
        if (_lists[added].Count > MaxListLength)
        {
            _oversized.Push(added);
        }

        if (_lists[index].Count > MaxListLength)
        {
            _oversized.Push(index);
        }
    }

    /// <summary>Appends an empty list around <paramref name="centroid"/> (normalised); returns its index.</summary>
    private int AppendList(ReadOnlySpan<float> centroid)
    {
        if (_listCount == _lists.Length)
        {
            // Doubling: a split costs an array copy only when the list count passes a power of two.
            Array.Resize(ref _lists, 2 * _lists.Length);
            Array.Resize(ref _centroids, _lists.Length * Dimensions);
        }

        var index = _listCount++;
        var destination = _centroids.AsSpan(index * Dimensions, Dimensions);
        centroid.CopyTo(destination);
        Normalize(centroid, destination);
        _lists[index] = new PostingList(_words, 16);
        return index;
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

    // Asks for the first two cache lines of a vector without waiting for them (no-op where the CPU has no prefetch instruction).
    private static unsafe void Prefetch(ReadOnlySpan<float> vector)
    {
        if (Sse.IsSupported)
        {
            fixed (float* start = vector)
            {
                Sse.Prefetch0(start);
                Sse.Prefetch0((byte*)start + 64);
            }
        }
    }

    /// <summary>
    /// Keeps the best-scoring of the candidates offered, scoring each by its dot product with the query,
    /// and gives up early on a candidate that cannot win. It reads the candidate's head (its first quarter)
    /// first: the head's dot product with the query's head, plus the most the tail can add (by
    /// Cauchy–Schwarz, the query's tail length times the candidate's, which is at most
    /// <c>√(longest squared length − squared head length)</c>, so nothing more is stored per vector),
    /// bounds its score. A candidate whose bound falls short of both the bar and the best so far is
    /// dropped with three quarters of its bytes unread; any other is scored in full, exactly as without
    /// the bound, so the winner and its score are those of scoring every candidate in full.
    /// </summary>
    private ref struct BoundedScorer
    {
        // Slack for rounding in the bound: a fraction of the head's terms, and a fraction of the longest squared length under the root.
        private const float RelativeSlack = 1e-4f;
        private const float SquaredLengthSlack = 1e-5f;

        private readonly ReadOnlySpan<float> _query;
        private readonly int _head;
        private readonly float _queryTailLength;
        private readonly float _maxSquaredLength;
        private int _best;
        private float _bar;

        public BoundedScorer(ReadOnlySpan<float> query, float maxSquaredLength, float minSimilarity)
        {
            _query = query;
            // A quarter of the dimensions in whole 16-float steps (none below 64 dimensions: nothing to gain).
            _head = query.Length / 64 * 16;
            _queryTailLength = TensorPrimitives.Norm(query[_head..]);
            _maxSquaredLength = maxSquaredLength * (1f + SquaredLengthSlack);
            _best = -1;
            _bar = minSimilarity;
        }

        /// <summary>The winner so far: the first candidate with the highest score at or above the bar.</summary>
        public readonly VectorMatch? Best => _best < 0 ? null : new VectorMatch(_best, _bar);

        public void Offer(int slot, ReadOnlySpan<float> vector)
        {
            if (_head > 0)
            {
                var head = vector[.._head];
                var headScore = TensorPrimitives.Dot(_query[.._head], head);
                var tailBound = _queryTailLength * MathF.Sqrt(MathF.Max(0f, _maxSquaredLength - TensorPrimitives.SumOfSquares(head)));
                if (headScore + tailBound + (RelativeSlack * (MathF.Abs(headScore) + tailBound)) < _bar)
                {
                    return;
                }
            }

            var score = TensorPrimitives.Dot(_query, vector);
            if (score > _bar || (_best < 0 && score >= _bar))
            {
                (_best, _bar) = (slot, score);
            }
        }
    }

    private static void Encode(ReadOnlySpan<float> vector, Span<ulong> code)
    {
        code.Clear();
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // Eight signs at a time: the comparison's mask bits are the code's bits.
            for (; i + 8 <= vector.Length; i += 8)
            {
                var bits = (ulong)Vector256.GreaterThan(Vector256.Create(vector.Slice(i, 8)), Vector256<float>.Zero).ExtractMostSignificantBits();
                code[i >> 6] |= bits << (i & 63);
            }
        }

        for (; i < vector.Length; i++)
        {
            if (vector[i] > 0f)
            {
                code[i >> 6] |= 1UL << (i & 63);
            }
        }
    }

    private static ulong Tag(ulong context) => context == FreeSlot ? 1 : context;

    private bool IsLive(int slot) => Locate(slot, out var at).Contexts[at] != FreeSlot;

    private Span<float> VectorSpan(int slot) => Locate(slot, out var at).Vectors.AsSpan(at * Dimensions, Dimensions);

    /// <summary>The block that holds <paramref name="slot"/>, and the slot's place in it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Block Locate(int slot, out int at)
    {
        if (slot >= BlockSize)
        {
            at = slot & BlockMask;
            return _blocks[(slot >> BlockShift) + SmallBlocks - 1];
        }

        if (slot < 1 << FirstBlockShift)
        {
            at = slot;
            return _blocks[0];
        }

        var log = BitOperations.Log2((uint)slot);
        at = slot - (1 << log);
        return _blocks[log - FirstBlockShift + 1];
    }

    /// <summary>The first slot of block <paramref name="block"/>.</summary>
    private static int FirstSlotOf(int block) =>
        block == 0 ? 0
        : block < SmallBlocks ? 1 << (block + FirstBlockShift - 1)
        : (block - SmallBlocks + 1) << BlockShift;

    private int NextSlot()
    {
        if (_used == FirstSlotOf(_blockCount))
        {
            // A new block; the ones already held are never copied.
            if (_blockCount == _blocks.Length)
            {
                Array.Resize(ref _blocks, Math.Max(SmallBlocks + 1, 2 * _blocks.Length));
            }

            _blocks[_blockCount] = new Block(FirstSlotOf(_blockCount + 1) - FirstSlotOf(_blockCount), Dimensions);
            _blockCount++;
        }

        return _used++;
    }

    /// <summary>Consecutive slots: their vectors, context tags, and where each is filed.</summary>
    private sealed class Block(int capacity, int dimensions)
    {
        // Uninitialised: a slot's vector is written before it is ever read, and zeroing megabytes would cost the add that allocates the block.
        public float[] Vectors = GC.AllocateUninitializedArray<float>(capacity * dimensions);
        public ulong[] Contexts = new ulong[capacity];
        public int[] ListOf = new int[capacity];
        public int[] Position = new int[capacity];
    }
}
