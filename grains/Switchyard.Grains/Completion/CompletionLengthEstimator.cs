using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Switchyard.Models;

namespace Switchyard.Completion;

/// <summary>
/// Learns, per task type, a high percentile of completion lengths, so that a request without
/// <c>max_tokens</c> reserves what its task type's answers really take rather than a fixed guess.
/// Each task type keeps a fixed-size histogram (buckets about 12 % wide, up to 1M tokens), in this
/// silo's memory: an estimate only sizes a reservation; the settle charges the real cost.
/// </summary>
public sealed class CompletionLengthEstimator(IOptions<ModelCatalogOptions> catalog)
{
    /// <summary>The percentile reserved for.</summary>
    public const double Percentile = 0.95;

    /// <summary>Completions a task type needs before its own percentile replaces the catalog default.</summary>
    public const int MinimumSamples = 20;

    /// <summary>Task types tracked; beyond it new ones use the catalog default.</summary>
    public const int MaxTaskTypes = 10_000;

    private const double Growth = 1.125;
    private static readonly int[] UpperBounds = BuildBounds();
    private readonly ConcurrentDictionary<string, Histogram> _taskTypes = new(StringComparer.Ordinal);

    /// <summary>
    /// The completion tokens to reserve for: the request's <c>max_tokens</c> when set, else the task type's
    /// learned percentile, else <see cref="ModelCatalogOptions.DefaultOutputTokenEstimate"/>.
    /// </summary>
    public int Estimate(string taskType, int? maxTokens) =>
        maxTokens ?? (_taskTypes.TryGetValue(taskType, out var histogram) ? histogram.Percentile(Percentile) : null) ?? catalog.Value.DefaultOutputTokenEstimate;

    /// <summary>Learns from a completion's real length.</summary>
    public void Observe(string taskType, int completionTokens)
    {
        if (completionTokens < 0)
        {
            return;
        }

        if (!_taskTypes.TryGetValue(taskType, out var histogram))
        {
            if (_taskTypes.Count >= MaxTaskTypes)
            {
                return;
            }

            histogram = _taskTypes.GetOrAdd(taskType, _ => new Histogram());
        }

        histogram.Add(completionTokens);
    }

    private static int[] BuildBounds()
    {
        var bounds = new List<int>();
        for (double bound = 16; bound < 1_000_000; bound = Math.Max(bound * Growth, bound + 1))
        {
            bounds.Add((int)Math.Ceiling(bound));
        }

        bounds.Add(int.MaxValue);
        return [.. bounds];
    }

    private sealed class Histogram
    {
        private readonly long[] _counts = new long[UpperBounds.Length];
        private long _total;

        public void Add(int tokens)
        {
            var index = Array.BinarySearch(UpperBounds, tokens);
            Interlocked.Increment(ref _counts[index < 0 ? ~index : index]);
            Interlocked.Increment(ref _total);
        }

        public int? Percentile(double percentile)
        {
            var total = Interlocked.Read(ref _total);
            if (total < MinimumSamples)
            {
                return null;
            }

            var rank = (long)Math.Ceiling(percentile * total);
            long seen = 0;
            for (var i = 0; i < _counts.Length; i++)
            {
                seen += Interlocked.Read(ref _counts[i]);
                if (seen >= rank)
                {
                    // The bucket's upper bound: a reservation errs on the high side.
                    return UpperBounds[i];
                }
            }

            return UpperBounds[^2];
        }
    }
}
