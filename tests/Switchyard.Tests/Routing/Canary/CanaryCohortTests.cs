using Switchyard.Routing.Canary;

namespace Switchyard.Tests.Routing.Canary;

public sealed class CanaryCohortTests
{
    [Fact]
    public void Cohort_OfTheSameUser_IsTheSameWhateverTheRequest()
    {
        for (var u = 0; u < 100; u++)
        {
            var first = CanaryCohort.Of("summarization", $"user-{u}", "request-a");

            Assert.Equal(first, CanaryCohort.Of("summarization", $"user-{u}", "request-b"));
            Assert.InRange(first, 0, Switchyard.Routing.CanaryCohorts.Count - 1);
        }
    }

    [Fact]
    public void Cohort_WithoutAUser_FollowsTheRequestId()
    {
        Assert.Equal(CanaryCohort.Of("t", null, "r-1"), CanaryCohort.Of("t", "", "r-1"));
        Assert.NotEqual(CanaryCohort.Of("t", null, "r-1"), CanaryCohort.Of("t", "r-1", "other"));
        Assert.Contains(Enumerable.Range(2, 20), i => CanaryCohort.Of("t", null, $"r-{i}") != CanaryCohort.Of("t", null, "r-1"));
    }

    [Fact]
    public void IsCandidate_OverManyUsers_RoutesAboutTheShare()
    {
        var candidates = Enumerable.Range(0, 10_000).Count(u => CanaryCohort.IsCandidate(CanaryCohort.Of("extraction", $"user-{u}", "r"), 0.2));

        // A binomial(10,000, 0.2) count has a standard deviation of 40: ±250 is over six of them.
        Assert.InRange(candidates, 1_750, 2_250);
    }

    [Theory]
    [InlineData(0, 0.0001, true)]
    [InlineData(1, 0.0001, false)]
    [InlineData(4_999, 0.5, true)]
    [InlineData(5_000, 0.5, false)]
    [InlineData(-1, 0.5, false)]
    public void IsCandidate_TakesTheFirstShareOfTheCohorts(int cohort, double share, bool expected) =>
        Assert.Equal(expected, CanaryCohort.IsCandidate(cohort, share));
}
