using Switchyard.Completion;
using Switchyard.Models;

namespace Switchyard.Tests.Models;

public sealed class ModelPriceTests
{
    [Fact]
    public void CostOf_BillsCachedInputAtTheCachedPrice()
    {
        var price = new ModelPrice(InputPerMillion: 2.50m, CachedInputPerMillion: 1.25m, OutputPerMillion: 10m);

        var cost = price.CostOf(new TokenUsage(InputTokens: 1_000, CachedInputTokens: 400, OutputTokens: 200));

        // 600 × 2.50 + 400 × 1.25 + 200 × 10, per million.
        Assert.Equal(0.004m, cost);
    }

    [Fact]
    public void AffordableOutputTokens_NeverCostMoreThanWhatIsAvailable()
    {
        var price = new ModelPrice(2.50m, 1.25m, 10m);

        // 0.001 USD: 100 prompt tokens cost 0.00025, leaving 0.00075 = 75 output tokens.
        Assert.Equal(75, price.AffordableOutputTokens(0.001m, 100));
        Assert.True(price.CostOf(new TokenUsage(100, 0, 75)) <= 0.001m);
        Assert.True(price.CostOf(new TokenUsage(100, 0, 76)) > 0.001m);
        Assert.Equal(0, price.AffordableOutputTokens(0.0001m, 100));
        Assert.Null(new ModelPrice(0m, 0m, 0m).AffordableOutputTokens(0m, 100));
    }

    [Fact]
    public void ABudgetCeiling_AppliesOnlyWhenTheRequestSetsNoMaxTokens()
    {
        var free = new CompletionRequest("r", "t", "task", "auto", [new PromptMessage("user", "hi")]);
        var bounded = free with { MaxTokens = 500 };

        Assert.Equal(40, ChatOptionsMapper.For(free, "m", budgetCeiling: 40).MaxOutputTokens);
        Assert.Null(ChatOptionsMapper.For(free, "m").MaxOutputTokens);
        Assert.Equal(500, ChatOptionsMapper.For(bounded, "m", budgetCeiling: 40).MaxOutputTokens);
    }

    [Fact]
    public void CostOf_IsExactForOneToken()
    {
        var price = new ModelPrice(0.15m, 0.075m, 0.60m);

        Assert.Equal(0.00000015m, price.CostOf(new TokenUsage(1, 0, 0)));
        Assert.Equal(0.0000006m, price.CostOf(new TokenUsage(0, 0, 1)));
    }

    [Fact]
    public void CostOf_ClampsCachedTokensToTheInput()
    {
        var price = new ModelPrice(1m, 0.5m, 1m);

        Assert.Equal(0.0000005m, price.CostOf(new TokenUsage(1, 5, 0)));
    }
}
