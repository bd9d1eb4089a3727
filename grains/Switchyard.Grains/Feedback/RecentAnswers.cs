using Switchyard.Routing;

namespace Switchyard.Feedback;

/// <summary>
/// A bounded first-in-first-out memory of served answers by request id: adding beyond the capacity
/// forgets the oldest, so memory stays fixed however much traffic a tenant sends.
/// </summary>
/// <remarks>
/// Every served answer is added, and each one lives long enough to be promoted by the collector. So an
/// answer is kept as a value in a ring, found by its <see cref="RequestIdDigest"/> rather than by the
/// id's string, with one shared copy of each task type and router key: adding an answer leaves no new
/// object behind once the ring is full.
/// </remarks>
public sealed class RecentAnswers
{
    private readonly Slot[] _ring;
    private readonly Dictionary<UInt128, int> _byId = [];
    private readonly SharedStrings _shared = new();
    private int _next;

    /// <summary>An empty memory of at most <paramref name="capacity"/> answers (at least one).</summary>
    public RecentAnswers(int capacity) => _ring = new Slot[Math.Max(1, capacity)];

    /// <summary>How many answers are remembered.</summary>
    public int Count => _byId.Count;

    /// <summary>Remembers <paramref name="answer"/>, replacing an earlier one with the same id.</summary>
    public void Add(ServedAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var id = RequestIdDigest.Of(answer.RequestId);
        var slot = new Slot(id, _shared.Share(answer.TaskType), answer.Tier, answer.Confidence, answer.Escalated, answer.Canary, answer.RouterKey is { } key ? _shared.Share(key) : null);
        if (_byId.TryGetValue(id, out var index))
        {
            _ring[index] = slot;
            return;
        }

        if (_byId.Count == _ring.Length)
        {
            _byId.Remove(_ring[_next].Id);
        }

        _ring[_next] = slot;
        _byId[id] = _next;
        _next = (_next + 1) % _ring.Length;
    }

    /// <summary>The answer served for <paramref name="requestId"/>, if still remembered.</summary>
    public ServedAnswer? Find(string requestId)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        if (!_byId.TryGetValue(RequestIdDigest.Of(requestId), out var index))
        {
            return null;
        }

        var slot = _ring[index];
        return new ServedAnswer(requestId, slot.TaskType, slot.Tier, slot.Confidence, slot.Escalated, slot.Canary, slot.RouterKey);
    }

    private readonly record struct Slot(
        UInt128 Id, string TaskType, ModelTier Tier, double Confidence, bool Escalated, CanaryTag? Canary, string? RouterKey);
}
