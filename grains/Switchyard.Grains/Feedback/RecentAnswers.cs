namespace Switchyard.Feedback;

/// <summary>
/// A bounded first-in-first-out memory of served answers by request id: adding beyond the capacity
/// forgets the oldest, so memory stays fixed however much traffic a tenant sends.
/// </summary>
public sealed class RecentAnswers(int capacity)
{
    private readonly Dictionary<string, ServedAnswer> _byId = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>How many answers are remembered.</summary>
    public int Count => _byId.Count;

    /// <summary>Remembers <paramref name="answer"/>, replacing an earlier one with the same id.</summary>
    public void Add(ServedAnswer answer)
    {
        if (_byId.TryAdd(answer.RequestId, answer))
        {
            _order.Enqueue(answer.RequestId);
        }
        else
        {
            _byId[answer.RequestId] = answer;
        }

        while (_byId.Count > Math.Max(1, capacity))
        {
            _byId.Remove(_order.Dequeue());
        }
    }

    /// <summary>The answer served for <paramref name="requestId"/>, if still remembered.</summary>
    public ServedAnswer? Find(string requestId) => _byId.GetValueOrDefault(requestId);
}
