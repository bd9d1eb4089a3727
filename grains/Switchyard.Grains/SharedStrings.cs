namespace Switchyard;

/// <summary>
/// One shared copy of each string that recurs in long-lived state (task types, model names, finish
/// reasons, router keys). Each grain call deserialises them as new strings; keeping the first copy
/// lets the new ones die young instead of being promoted with every entry that holds them. Bounded:
/// past <paramref name="limit"/> distinct values a string is kept as it came. Not thread-safe (one
/// grain activation's state).
/// </summary>
public sealed class SharedStrings(int limit = 1024)
{
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);

    /// <summary>The shared copy of <paramref name="value"/>, made the shared copy if there is none yet and room for it.</summary>
    public string Share(string value)
    {
        if (_strings.TryGetValue(value, out var shared))
        {
            return shared;
        }

        if (_strings.Count < limit)
        {
            _strings.Add(value);
        }

        return value;
    }
}
