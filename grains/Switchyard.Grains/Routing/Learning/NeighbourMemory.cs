namespace Switchyard.Routing.Learning;

/// <summary>
/// A task type's bounded memory of recent requests and how each tier did on them: per request, its
/// <see cref="QuerySignature"/>, a short digest of its request id (so a later label can find it) and,
/// per tier, right, wrong or unknown. A ring of <see cref="Capacity"/> entries: the oldest is
/// forgotten first, so the size is fixed however long it learns. From it, the router estimates how
/// likely each tier is to be right on a new request: the share of the nearest earlier requests that
/// the tier answered right — "requests like this one were answered right by this tier".
/// </summary>
[GenerateSerializer]
[Alias("switchyard.routing.NeighbourMemory")]
public sealed class NeighbourMemory
{
    /// <summary>Label codes, two bits per tier.</summary>
    private const byte Unknown = 0, Right = 1, Wrong = 2;

    /// <summary>An empty memory that keeps nothing (for the serializer).</summary>
    public NeighbourMemory()
        : this(0)
    {
    }

    /// <summary>An empty memory of <paramref name="capacity"/> entries.</summary>
    public NeighbourMemory(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Capacity = capacity;
        Ids = new ulong[capacity];
        Signatures = new sbyte[capacity * QuerySignature.Dimensions];
        Labels = new byte[capacity];
    }

    /// <summary>The most entries kept.</summary>
    [Id(0)] public int Capacity { get; set; }

    /// <summary>Entries held (at most <see cref="Capacity"/>).</summary>
    [Id(1)] public int Count { get; set; }

    /// <summary>Where the next entry is written.</summary>
    [Id(2)] public int Next { get; set; }

    /// <summary>Digests of the entries' request ids.</summary>
    [Id(3)] public ulong[] Ids { get; set; }

    /// <summary>The entries' signatures, <see cref="QuerySignature.Dimensions"/> bytes each, back to back.</summary>
    [Id(4)] public sbyte[] Signatures { get; set; }

    /// <summary>The entries' labels: two bits per tier (tier index × 2), unknown, right or wrong.</summary>
    [Id(5)] public byte[] Labels { get; set; }

    /// <summary>The memory's size in bytes: fixed by its capacity.</summary>
    public int SizeInBytes => Capacity * (sizeof(ulong) + QuerySignature.Dimensions + sizeof(byte)) + (3 * sizeof(int));

    /// <summary>The digest a request id is remembered by.</summary>
    public static ulong Digest(string requestId) => (ulong)RequestIdDigest.Of(requestId);

    /// <summary>Remembers a request, with what is already known of its tiers (escalation agreement); overwrites the oldest when full.</summary>
    public void Add(string requestId, ReadOnlySpan<sbyte> signature, IEnumerable<(ModelTier Tier, OutcomeLabel Label)> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (Capacity == 0 || signature.Length != QuerySignature.Dimensions)
        {
            return;
        }

        var slot = Next;
        Ids[slot] = Digest(requestId);
        signature.CopyTo(Signatures.AsSpan(slot * QuerySignature.Dimensions, QuerySignature.Dimensions));
        Labels[slot] = 0;
        foreach (var (tier, label) in labels)
        {
            Set(slot, tier, label);
        }

        Next = (slot + 1) % Capacity;
        Count = Math.Min(Count + 1, Capacity);
    }

    /// <summary>Labels a remembered request's tier (feedback, audit); false when the request is no longer remembered.</summary>
    public bool Label(string requestId, ModelTier tier, OutcomeLabel label)
    {
        var digest = Digest(requestId);
        for (var back = 1; back <= Count; back++)
        {
            var slot = ((Next - back) % Capacity + Capacity) % Capacity;
            if (Ids[slot] == digest)
            {
                Set(slot, tier, label);
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// For each tier (by index, <paramref name="tiers"/> of them), the share of the
    /// <paramref name="neighbours"/> most similar remembered requests labelled for that tier that it
    /// answered right (Laplace-smoothed: (right + 1) / (n + 2)); -1 for a tier with fewer labelled
    /// entries than <paramref name="neighbours"/>.
    /// </summary>
    public double[] Estimate(ReadOnlySpan<sbyte> signature, int tiers, int neighbours)
    {
        var estimates = new double[tiers];
        Array.Fill(estimates, -1);
        if (Count == 0 || neighbours <= 0 || signature.Length != QuerySignature.Dimensions)
        {
            return estimates;
        }

        var similarities = new (double Similarity, int Slot)[Count];
        for (var slot = 0; slot < Count; slot++)
        {
            similarities[slot] = (QuerySignature.Similarity(signature, Signatures.AsSpan(slot * QuerySignature.Dimensions, QuerySignature.Dimensions)), slot);
        }

        // Most similar first; ties broken by recency so the order does not depend on the ring's layout.
        Array.Sort(similarities, (a, b) => b.Similarity != a.Similarity ? b.Similarity.CompareTo(a.Similarity) : Age(a.Slot).CompareTo(Age(b.Slot)));
        for (var tier = 0; tier < tiers; tier++)
        {
            int right = 0, seen = 0;
            foreach (var (_, slot) in similarities)
            {
                var label = Get(slot, (ModelTier)tier);
                if (label == Unknown)
                {
                    continue;
                }

                right += label == Right ? 1 : 0;
                if (++seen == neighbours)
                {
                    break;
                }
            }

            if (seen == neighbours)
            {
                estimates[tier] = (right + 1.0) / (seen + 2.0);
            }
        }

        return estimates;
    }

    /// <summary>The share of the remembered requests that are labelled for <paramref name="tier"/>; 0 when empty.</summary>
    public double LabelledShare(ModelTier tier)
    {
        var labelled = 0;
        for (var slot = 0; slot < Count; slot++)
        {
            labelled += Get(slot, tier) == Unknown ? 0 : 1;
        }

        return Count == 0 ? 0 : (double)labelled / Count;
    }

    private int Age(int slot) => ((Next - 1 - slot) % Capacity + Capacity) % Capacity;

    private byte Get(int slot, ModelTier tier) => (byte)((Labels[slot] >> ((int)tier * 2)) & 3);

    private void Set(int slot, ModelTier tier, OutcomeLabel label)
    {
        var code = label switch { OutcomeLabel.Right => Right, OutcomeLabel.Wrong => Wrong, _ => Unknown };
        if (code == Unknown)
        {
            return;
        }

        var shift = (int)tier * 2;
        Labels[slot] = (byte)((Labels[slot] & ~(3 << shift)) | (code << shift));
    }
}
