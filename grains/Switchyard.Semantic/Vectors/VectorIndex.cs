using System.Numerics;
using System.Numerics.Tensors;

namespace Switchyard.Caching.Vectors;

/// <summary>
/// Unit vectors in one contiguous array, each tagged with a context (only vectors of the query's
/// context are candidates), searched by dot product with <see cref="TensorPrimitives"/> (SIMD). Up to
/// <see cref="ExhaustiveLimit"/> vectors every candidate is scored exactly; above it a first pass
/// ranks candidates by the Hamming distance of one-bit-per-dimension sign codes (1/32 of the bytes)
/// and only the <see cref="RerankCandidates"/> closest are scored exactly. Not thread-safe.
/// </summary>
public sealed class VectorIndex
{
    // Context 0 marks a free slot, so the scan needs no separate liveness array.
    private const ulong FreeSlot = 0;

    private readonly int _words;
    private readonly Stack<int> _free = new();
    private float[] _vectors = [];
    private ulong[] _codes = [];
    private ulong[] _contexts = [];
    private int _used;

    /// <summary>An empty index of <paramref name="dimensions"/>-dimensional vectors.</summary>
    public VectorIndex(int dimensions, int exhaustiveLimit = 4096, int rerankCandidates = 48)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rerankCandidates, 1);
        Dimensions = dimensions;
        ExhaustiveLimit = exhaustiveLimit;
        RerankCandidates = rerankCandidates;
        _words = (dimensions + 63) / 64;
    }

    /// <summary>The vector length.</summary>
    public int Dimensions { get; }

    /// <summary>Up to this many vectors, searches are exact scans.</summary>
    public int ExhaustiveLimit { get; }

    /// <summary>How many first-pass candidates are re-scored exactly.</summary>
    public int RerankCandidates { get; }

    /// <summary>Vectors held.</summary>
    public int Count { get; private set; }

    /// <summary>Bytes one vector costs in the index: the floats, the sign code and the context tag.</summary>
    public int BytesPerVector => (Dimensions * sizeof(float)) + (_words * sizeof(ulong)) + sizeof(ulong);

    /// <summary>Adds <paramref name="vector"/> under <paramref name="context"/>; returns its slot.</summary>
    public int Add(ReadOnlySpan<float> vector, ulong context)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(vector.Length, Dimensions);
        var slot = _free.Count > 0 ? _free.Pop() : NextSlot();
        vector.CopyTo(_vectors.AsSpan(slot * Dimensions, Dimensions));
        Encode(vector, _codes.AsSpan(slot * _words, _words));
        _contexts[slot] = Tag(context);
        Count++;
        return slot;
    }

    /// <summary>Frees <paramref name="slot"/>.</summary>
    public void Remove(int slot)
    {
        if ((uint)slot >= (uint)_used || _contexts[slot] == FreeSlot)
        {
            return;
        }

        _contexts[slot] = FreeSlot;
        _free.Push(slot);
        Count--;
    }

    /// <summary>The vector in <paramref name="slot"/>.</summary>
    public ReadOnlySpan<float> Vector(int slot) => _vectors.AsSpan(slot * Dimensions, Dimensions);

    /// <summary>The most similar vector of <paramref name="context"/>, using the compressed first pass on large indexes.</summary>
    public VectorMatch? FindNearest(ReadOnlySpan<float> query, ulong context) =>
        Count <= ExhaustiveLimit ? FindNearestExact(query, context) : FindNearestCompressed(query, context);

    /// <summary>The most similar vector of <paramref name="context"/>, scoring every candidate exactly.</summary>
    public VectorMatch? FindNearestExact(ReadOnlySpan<float> query, ulong context)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(query.Length, Dimensions);
        var tag = Tag(context);
        var best = -1;
        var bestScore = float.NegativeInfinity;
        for (var slot = 0; slot < _used; slot++)
        {
            if (_contexts[slot] != tag)
            {
                continue;
            }

            var score = TensorPrimitives.Dot(query, _vectors.AsSpan(slot * Dimensions, Dimensions));
            if (score > bestScore)
            {
                (best, bestScore) = (slot, score);
            }
        }

        return best < 0 ? null : new VectorMatch(best, bestScore);
    }

    private VectorMatch? FindNearestCompressed(ReadOnlySpan<float> query, ulong context)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(query.Length, Dimensions);
        var tag = Tag(context);
        Span<ulong> code = stackalloc ulong[_words];
        Encode(query, code);

        // A bounded max-heap of the closest codes: most slots fail the cheap "closer than the worst kept" test.
        var heap = new PriorityQueue<int, int>(RerankCandidates + 1, Comparer<int>.Create((a, b) => b.CompareTo(a)));
        var worst = int.MaxValue;
        var codes = _codes.AsSpan();
        for (var slot = 0; slot < _used; slot++)
        {
            if (_contexts[slot] != tag)
            {
                continue;
            }

            var distance = Hamming(codes.Slice(slot * _words, _words), code);
            if (heap.Count < RerankCandidates)
            {
                heap.Enqueue(slot, distance);
                if (heap.Count == RerankCandidates)
                {
                    heap.TryPeek(out _, out worst);
                }
            }
            else if (distance < worst)
            {
                heap.EnqueueDequeue(slot, distance);
                heap.TryPeek(out _, out worst);
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
        }

        return _used++;
    }
}
