namespace Switchyard.Tests.Caching;

/// <summary>Lets a test build a value and act on it in one expression.</summary>
internal static class StoreExtensions
{
    public static T Also<T>(this T value, Action<T> action)
    {
        action(value);
        return value;
    }
}
