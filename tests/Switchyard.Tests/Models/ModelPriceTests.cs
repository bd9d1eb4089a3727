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
