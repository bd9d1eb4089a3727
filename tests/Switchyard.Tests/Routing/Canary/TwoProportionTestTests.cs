using Switchyard.Routing.Canary;

namespace Switchyard.Tests.Routing.Canary;

public sealed class TwoProportionTestTests
{
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.5, 0.4795001221869535)]
    [InlineData(1.0, 0.15729920705028513)]
    [InlineData(2.0, 0.004677734981047266)]
    [InlineData(-1.0, 1.8427007929497148)]
    public void Erfc_MatchesKnownValues(double x, double expected) =>
        Assert.Equal(expected, TwoProportionTest.Erfc(x), 6);

    [Fact]
    public void Compare_TenAgainstThirtyWrongInAHundred_IsSignificant()
    {
        // Pooled rate 0.2, standard error sqrt(0.2 · 0.8 · (1/100 + 1/100)) = 0.0566, z = 0.2 / 0.0566 = 3.536.
        var (z, p) = TwoProportionTest.Compare(10, 100, 30, 100)!.Value;

        Assert.Equal(3.5355, z, 3);
        Assert.Equal(0.000407, p, 5);
    }

    [Fact]
    public void Compare_EqualRates_IsNotSignificant()
    {
        var (z, p) = TwoProportionTest.Compare(20, 200, 20, 200)!.Value;

        Assert.Equal(0, z, 9);
        Assert.Equal(1, p, 6);
    }

    [Fact]
    public void Compare_WithAnEmptyArm_HasNoAnswer() =>
        Assert.Null(TwoProportionTest.Compare(0, 0, 3, 10));
}
