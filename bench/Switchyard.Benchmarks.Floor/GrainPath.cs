using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.AI;
using Orleans.Concurrency;

namespace Switchyard.Benchmarks.Floor;

// FLOOR_MODE=grains: the grain calls of the silo's cache-miss path, made in the same order and shape,
// to grains that do no work. What this mode adds over FLOOR_MODE=sdk is what those calls cost on the
// machine at hand, before any of the work Switchyard does inside them.

/// <summary>A semantic lookup's arguments: an exact key and a 384-dimension embedding, as the silo sends.</summary>
[GenerateSerializer, Immutable]
public sealed record FloorQuery([property: Id(0)] string Key, [property: Id(1)] float[] Embedding);

/// <summary>A chat message, as the endpoint passes it to the completion worker.</summary>
[GenerateSerializer, Immutable]
public sealed record FloorMessage([property: Id(0)] string Role, [property: Id(1)] string Content)
{
    /// <summary><paramref name="messages"/> as Microsoft.Extensions.AI messages, for the upstream call.</summary>
    public static List<ChatMessage> ToChat(ImmutableArray<FloorMessage> messages) =>
        [.. messages.Select(m => new ChatMessage(new ChatRole(m.Role), m.Content))];
}

/// <summary>The upstream's answer, as the completion worker returns it to the endpoint.</summary>
[GenerateSerializer, Immutable]
public sealed record FloorAnswer([property: Id(0)] string Text, [property: Id(1)] long InputTokens, [property: Id(2)] long OutputTokens);

/// <summary>Stands in for a task type's router: one activation, asked for a plan per request.</summary>
public interface IFloorRouterGrain : IGrainWithStringKey
{
    /// <summary>A plan: here, the first tier.</summary>
    [ReadOnly]
    Task<int> GetPlan(int cohort);
}

/// <summary>Stands in for one of a tenant's cache shards.</summary>
public interface IFloorShardGrain : IGrainWithStringKey
{
    /// <summary>Always a miss.</summary>
    [ReadOnly]
    Task<string?> Lookup(FloorQuery query);

    /// <summary>Stores nothing.</summary>
    [OneWay]
    Task Put(FloorQuery query, string answer);
}

/// <summary>Stands in for a tenant's budget: one activation, a hold before the call and a settle after it.</summary>
public interface IFloorBudgetGrain : IGrainWithStringKey
{
    /// <summary>Always granted.</summary>
    Task<bool> Reserve(string requestId, decimal amount);

    /// <summary>Forgets the hold.</summary>
    Task Settle(string requestId, decimal amount);
}

/// <summary>Stands in for a tenant's feedback ledger.</summary>
public interface IFloorFeedbackGrain : IGrainWithStringKey
{
    /// <summary>Remembers nothing.</summary>
    [OneWay]
    Task Remember(string requestId);
}

/// <summary>Stands in for the completion worker the HTTP endpoint calls: it makes the path's calls and the upstream call.</summary>
public interface IFloorCompletionGrain : IGrainWithIntegerKey
{
    /// <summary>Answers <paramref name="messages"/> through the upstream, making the miss path's grain calls around it.</summary>
    Task<FloorAnswer> Complete(string requestId, ImmutableArray<FloorMessage> messages);
}

internal sealed class FloorRouterGrain : Grain, IFloorRouterGrain
{
    public Task<int> GetPlan(int cohort) => Task.FromResult(0);
}

internal sealed class FloorShardGrain : Grain, IFloorShardGrain
{
    public Task<string?> Lookup(FloorQuery query) => Task.FromResult<string?>(null);

    public Task Put(FloorQuery query, string answer) => Task.CompletedTask;
}

internal sealed class FloorBudgetGrain : Grain, IFloorBudgetGrain
{
    private readonly Dictionary<string, decimal> _held = [];

    public Task<bool> Reserve(string requestId, decimal amount)
    {
        _held[requestId] = amount;
        return Task.FromResult(true);
    }

    public Task Settle(string requestId, decimal amount)
    {
        _held.Remove(requestId);
        return Task.CompletedTask;
    }
}

internal sealed class FloorFeedbackGrain : Grain, IFloorFeedbackGrain
{
    public Task Remember(string requestId) => Task.CompletedTask;
}

/// <summary>The silo's completion worker is a reentrant stateless worker; so is this one.</summary>
[StatelessWorker, Reentrant]
internal sealed class FloorCompletionGrain(IChatClient chat) : Grain, IFloorCompletionGrain
{
    // The silo's default shards per tenant (four until 2026-11-24: the figures in docs/benchmarks.md before that date used four).
    private const int Shards = 2;

    public async Task<FloorAnswer> Complete(string requestId, ImmutableArray<FloorMessage> messages)
    {
        var prompt = messages[^1].Content;
        var query = new FloorQuery(prompt, new float[384]);
        var planning = GrainFactory.GetGrain<IFloorRouterGrain>("router/default").GetPlan(requestId.Length);
        var lookups = new Task<string?>[Shards];
        for (var shard = 0; shard < Shards; shard++)
        {
            lookups[shard] = GrainFactory.GetGrain<IFloorShardGrain>(Shard(shard)).Lookup(query);
        }

        await Task.WhenAll(planning, Task.WhenAll(lookups));
        var budget = GrainFactory.GetGrain<IFloorBudgetGrain>("budget/bench");
        await budget.Reserve(requestId, 0.001m);
        var response = await chat.GetResponseAsync(FloorMessage.ToChat(messages));
        await budget.Settle(requestId, 0.0005m);
        await GrainFactory.GetGrain<IFloorShardGrain>(Shard(prompt.Length % Shards)).Put(query, response.Text);
        await GrainFactory.GetGrain<IFloorFeedbackGrain>("feedback/bench").Remember(requestId);
        return new FloorAnswer(response.Text, response.Usage?.InputTokenCount ?? 0, response.Usage?.OutputTokenCount ?? 0);
    }

    private static string Shard(int shard) => string.Create(CultureInfo.InvariantCulture, $"bench/{shard}");
}

/// <summary>
/// FLOOR_MODE=grains-min: the fewest grain calls a miss can make while a tenant's cache and budget live in
/// grains (one shard, a hold before the upstream call and a settle after it, a one-way store), made by the
/// endpoint itself to the same empty grains.
/// </summary>
internal static class MinimalGrainPath
{
    public static async Task<FloorAnswer> CompleteAsync(IGrainFactory grains, IChatClient chat, string requestId, ImmutableArray<FloorMessage> messages)
    {
        var prompt = messages[^1].Content;
        var query = new FloorQuery(prompt, new float[384]);
        var shard = grains.GetGrain<IFloorShardGrain>("bench/0");
        await shard.Lookup(query);
        var budget = grains.GetGrain<IFloorBudgetGrain>("budget/bench");
        await budget.Reserve(requestId, 0.001m);
        var response = await chat.GetResponseAsync(FloorMessage.ToChat(messages));
        await budget.Settle(requestId, 0.0005m);
        await shard.Put(query, response.Text);
        return new FloorAnswer(response.Text, response.Usage?.InputTokenCount ?? 0, response.Usage?.OutputTokenCount ?? 0);
    }
}
