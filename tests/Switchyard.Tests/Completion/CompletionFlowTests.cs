using Switchyard.Budget;
using Switchyard.Completion;
using Switchyard.Routing;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Completion;

[Collection(ClusterCollection.Name)]
public sealed class CompletionFlowTests(ClusterFixture fixture)
{
    private ICompletionGrain Worker => fixture.Grains.GetGrain<ICompletionGrain>(0);

    private static CompletionRequest Request(string tenant, string taskType, string prompt, string model = "auto") =>
        new(Guid.NewGuid().ToString("N"), tenant, taskType, model, [.. Prompts.User(prompt)]);

    [Fact]
    public async Task Complete_WhenRepeated_ServesExactCacheHitAtZeroCost()
    {
        var prompt = $"What is the capital of France? {Guid.NewGuid()}";

        var first = await Worker.Complete(Request("alpha", "default", prompt));
        await CacheWrites.WaitUntilStoredAsync(fixture.Grains, Request("alpha", "default", prompt));
        var second = await Worker.Complete(Request("alpha", "default", prompt));

        Assert.Null(first.Error);
        Assert.Equal(CacheResult.Miss, first.Cache);
        Assert.True(first.CostUsd > 0m);
        Assert.Equal(CacheResult.HitExact, second.Cache);
        Assert.Equal(0m, second.CostUsd);
        Assert.Equal(first.Content, second.Content);
        Assert.Equal(first.Model, second.Model);
    }

    [Fact]
    public async Task Complete_WhenCheapAnswerIsBelowThreshold_EscalatesToMid()
    {
        // spam_detection starts cheap and accepts at 0.85.
        var prompt = Prompts.Find($"low-{Guid.NewGuid()}", "sim-cheap", TestSettings.CheapAccuracy, a => a.Confidence < 0.85);

        var result = await Worker.Complete(Request("alpha", "spam_detection", prompt));

        Assert.Null(result.Error);
        Assert.True(result.Escalations >= 1);
        Assert.Equal(ModelTier.Cheap, result.TiersTried[0]);
        Assert.NotEqual(ModelTier.Cheap, result.Tier);
        Assert.Equal(result.TiersTried.Length - 1, result.Escalations);
    }

    [Fact]
    public async Task Complete_WhenCheapAnswerIsConfident_AcceptsItWithoutEscalating()
    {
        var prompt = Prompts.Find($"high-{Guid.NewGuid()}", "sim-cheap", TestSettings.CheapAccuracy, a => a.Confidence >= 0.85);

        var result = await Worker.Complete(Request("alpha", "spam_detection", prompt));

        Assert.Equal(ModelTier.Cheap, result.Tier);
        Assert.Equal(0, result.Escalations);
        Assert.Equal([ModelTier.Cheap], result.TiersTried.ToArray());
    }

    [Fact]
    public async Task Complete_ForLegalAnalysis_NeverTouchesTheCheapTier()
    {
        var before = await CheapCalls("legal_analysis");

        for (var i = 0; i < 20; i++)
        {
            var result = await Worker.Complete(Request("alpha", "legal_analysis", $"Is clause {i} enforceable? {Guid.NewGuid()}"));
            Assert.Equal([ModelTier.Frontier], result.TiersTried.ToArray());
            Assert.Equal("sim-frontier", result.Model);
        }

        Assert.Equal(before, await CheapCalls("legal_analysis"));
    }

    [Fact]
    public async Task Complete_WhenBudgetCannotCoverTheEstimate_RefusesAndChargesNothing()
    {
        var result = await Worker.Complete(Request("poor", "default", $"Tell me a long story {Guid.NewGuid()}"));

        Assert.Equal(CompletionErrorKind.BudgetExceeded, result.Error?.Kind);
        Assert.Contains("budget", result.Error!.Message, StringComparison.OrdinalIgnoreCase);
        var budget = await fixture.Grains.GetGrain<ITenantBudgetGrain>("poor").GetSnapshot();
        Assert.Equal(0m, budget.SpentUsd);
        Assert.Equal(0m, budget.HeldUsd);
    }

    [Fact]
    public async Task Complete_WithIdenticalPromptsFromTwoTenants_NeverSharesACacheEntry()
    {
        var prompt = $"Shared question {Guid.NewGuid()}";

        var alpha = await Worker.Complete(Request("alpha", "default", prompt));
        var beta = await Worker.Complete(Request("beta", "default", prompt));
        var alphaAgain = await Worker.Complete(Request("alpha", "default", prompt));

        Assert.Equal(CacheResult.Miss, alpha.Cache);
        Assert.Equal(CacheResult.Miss, beta.Cache);
        Assert.True(beta.CostUsd > 0m);
        Assert.Equal(CacheResult.HitExact, alphaAgain.Cache);
    }

    [Fact]
    public async Task Complete_SettlesTheReportedCostIntoTheTenantsSpend()
    {
        var budget = fixture.Grains.GetGrain<ITenantBudgetGrain>("beta");
        var before = await budget.GetSnapshot();

        var result = await Worker.Complete(Request("beta", "summarization", $"Summarize this {Guid.NewGuid()}"));

        var after = await budget.GetSnapshot();
        Assert.Equal(before.SpentUsd + result.CostUsd, after.SpentUsd);
        Assert.Equal(0m, after.HeldUsd);
    }

    [Fact]
    public async Task Complete_WithPinnedModel_UsesOnlyThatModel()
    {
        var result = await Worker.Complete(Request("alpha", "spam_detection", $"Pinned {Guid.NewGuid()}", "sim-frontier"));

        Assert.Equal("sim-frontier", result.Model);
        Assert.Equal([ModelTier.Frontier], result.TiersTried.ToArray());
    }

    [Fact]
    public async Task Complete_ForUnknownTenantOrModel_ReturnsInvalidRequest()
    {
        var unknownTenant = await Worker.Complete(Request("nobody", "default", "hi"));
        var unknownModel = await Worker.Complete(Request("alpha", "default", "hi", "gpt-99"));

        Assert.Equal(CompletionErrorKind.InvalidRequest, unknownTenant.Error?.Kind);
        Assert.Equal(CompletionErrorKind.InvalidRequest, unknownModel.Error?.Kind);
    }

    [Fact]
    public async Task Complete_RecordsOutcomesInTheRouter()
    {
        var taskType = $"flow-{Guid.NewGuid():N}";
        await Worker.Complete(Request("alpha", taskType, "Count me"));

        var router = fixture.Grains.GetGrain<ITaskRouterGrain>(taskType);
        RouterSnapshot snapshot;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        do
        {
            // RecordOutcome is one-way; wait until the message has been processed.
            snapshot = await router.GetSnapshot();
        }
        while (snapshot.Tiers.IsEmpty && DateTime.UtcNow < deadline && await Task.Delay(20).ContinueWith(_ => true));

        Assert.Equal(ModelTier.Mid, snapshot.Plan.StartTier);
        Assert.Equal(1, snapshot.Tiers.Single(t => t.Tier == ModelTier.Mid).Calls);
    }

    private async Task<long> CheapCalls(string taskType)
    {
        var snapshot = await fixture.Grains.GetGrain<ITaskRouterGrain>(taskType).GetSnapshot();
        return snapshot.Tiers.Where(t => t.Tier == ModelTier.Cheap).Sum(t => t.Calls);
    }
}
