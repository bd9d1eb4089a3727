using Switchyard.Completion;
using Switchyard.Routing;

namespace Switchyard.Caching;

/// <summary>
/// One entry of a cache shard, and its place in the shard's recency list. Entries live as long as the
/// cache keeps them, so every one is promoted by the collector: the answer's fields are held flat
/// (no <see cref="CachedCompletion"/> or <see cref="TokenUsage"/> object of their own) and the entry
/// is its own list node, which keeps a cached answer to one object and its strings.
/// </summary>
public sealed class CacheShardEntry
{
    // The task type, model and finish reason are passed apart from the completion so the shard can hand in its shared copies.
    internal CacheShardEntry(string key, string taskType, CachedCompletion completion, string model, string finishReason, DateTimeOffset expiresAt, ulong context, int slot, long bytes)
    {
        Key = key;
        TaskType = taskType;
        Content = completion.Content;
        Model = model;
        Tier = completion.Tier;
        InputTokens = completion.Usage.InputTokens;
        CachedInputTokens = completion.Usage.CachedInputTokens;
        OutputTokens = completion.Usage.OutputTokens;
        FinishReason = finishReason;
        CreatedAt = completion.CreatedAt;
        ExpiresAt = expiresAt;
        Context = context;
        Slot = slot;
        Bytes = bytes;
    }

    /// <summary>The exact key.</summary>
    public string Key { get; }

    /// <summary>The task type of the request that produced it.</summary>
    public string TaskType { get; }

    /// <summary>The answer text.</summary>
    public string Content { get; }

    /// <summary>The model that produced it.</summary>
    public string Model { get; }

    /// <summary>That model's tier.</summary>
    public ModelTier Tier { get; }

    /// <summary>The original call's prompt tokens.</summary>
    public int InputTokens { get; }

    /// <summary>The original call's prompt tokens served from the provider's prompt cache.</summary>
    public int CachedInputTokens { get; }

    /// <summary>The original call's completion tokens.</summary>
    public int OutputTokens { get; }

    /// <summary>The original finish reason.</summary>
    public string FinishReason { get; }

    /// <summary>When the answer was produced.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>When it stops being served.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>The semantic context fingerprint.</summary>
    public ulong Context { get; }

    /// <summary>Its slot in the vector index (which holds its embedding), or -1 for an exact-only entry.</summary>
    public int Slot { get; internal set; }

    /// <summary>Its estimated size.</summary>
    public long Bytes { get; internal set; }

    /// <summary>How many times it was served.</summary>
    public long Hits { get; internal set; }

    /// <summary>The answer as the shard serves it (a new object each time: hits are rare next to entries).</summary>
    public CachedCompletion Completion =>
        new(Content, Model, Tier, new TokenUsage(InputTokens, CachedInputTokens, OutputTokens), FinishReason, CreatedAt);

    /// <summary>The entry used just after this one, or null for the most recent.</summary>
    internal CacheShardEntry? Newer { get; set; }

    /// <summary>The entry used just before this one, or null for the least recent.</summary>
    internal CacheShardEntry? Older { get; set; }
}
