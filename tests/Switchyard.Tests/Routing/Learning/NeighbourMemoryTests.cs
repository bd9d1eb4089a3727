using Switchyard.Routing;
using Switchyard.Routing.Learning;

namespace Switchyard.Tests.Routing.Learning;

public sealed class NeighbourMemoryTests
{
    private static sbyte[] Planet(int i) => QuerySignature.Of($"Which planet of the solar system has the most moons, variant {i}?");

    private static sbyte[] Bread(int i) => QuerySignature.Of($"How long should bread dough rise before baking, variant {i}?");

    private static (ModelTier, OutcomeLabel)[] Cheap(bool right) => [(ModelTier.Cheap, right ? OutcomeLabel.Right : OutcomeLabel.Wrong)];

    [Fact]
    public void Signature_OfTheSameQuery_IsIdentical_AndOfADifferentTopic_IsDissimilar()
    {
        Assert.Equal(1.0, QuerySignature.Similarity(Planet(1), Planet(1)), 6);
        Assert.True(QuerySignature.Similarity(Planet(1), Planet(2)) > 0.7);
        Assert.True(QuerySignature.Similarity(Planet(1), Bread(1)) < 0.5);
    }

    [Fact]
    public void Signature_IsOfTheLastParagraph_SoSharedExamplesDoNotMakeQueriesAlike()
    {
        const string examples = "Example: 2 + 2?\nAnswer: 4\n\nExample: 3 + 3?\nAnswer: 6\n\n";

        Assert.Equal(QuerySignature.Of("Why is the sky blue?"), QuerySignature.Of(examples + "Why is the sky blue?"));
        Assert.Equal(QuerySignature.Dimensions, QuerySignature.Of(examples).Length);
    }

    [Fact]
    public void Estimate_WithTooFewLabelledNeighbours_IsUnknown()
    {
        var memory = new NeighbourMemory(64);
        for (var i = 0; i < 4; i++)
        {
            memory.Add($"r{i}", Planet(i), Cheap(right: true));
        }

        var estimates = memory.Estimate(Planet(99), 3, neighbours: 5);

        Assert.All(estimates, e => Assert.True(e < 0));
    }

    [Fact]
    public void Estimate_IsHighWhereTheTierWasRightOnSimilarQueries_AndLowWhereItWasWrong()
    {
        var memory = new NeighbourMemory(64);
        for (var i = 0; i < 20; i++)
        {
            memory.Add($"p{i}", Planet(i), Cheap(right: true));
            memory.Add($"b{i}", Bread(i), Cheap(right: false));
        }

        var planet = memory.Estimate(Planet(100), 3, neighbours: 10);
        var bread = memory.Estimate(Bread(100), 3, neighbours: 10);

        Assert.Equal(11.0 / 12.0, planet[(int)ModelTier.Cheap], 6);
        Assert.Equal(1.0 / 12.0, bread[(int)ModelTier.Cheap], 6);
        Assert.True(planet[(int)ModelTier.Frontier] < 0);
    }

    [Fact]
    public void Label_ByRequestId_LabelsTheRememberedRequestsTier()
    {
        var memory = new NeighbourMemory(8);
        memory.Add("only", Planet(1), []);

        Assert.True(memory.Label("only", ModelTier.Mid, OutcomeLabel.Wrong));
        Assert.False(memory.Label("never-seen", ModelTier.Mid, OutcomeLabel.Right));
        Assert.Equal(1.0 / 3.0, memory.Estimate(Planet(1), 3, neighbours: 1)[(int)ModelTier.Mid], 6);
    }

    [Fact]
    public void Memory_ForgetsTheOldestFirst_AndKeepsItsSize()
    {
        var memory = new NeighbourMemory(16);
        var size = memory.SizeInBytes;
        for (var i = 0; i < 16; i++)
        {
            memory.Add($"old{i}", Planet(i), Cheap(right: false));
        }

        for (var i = 0; i < 16; i++)
        {
            memory.Add($"new{i}", Planet(i), Cheap(right: true));
        }

        Assert.Equal(16, memory.Count);
        Assert.Equal(size, memory.SizeInBytes);
        Assert.Equal(16 * (8 + QuerySignature.Dimensions + 1) + 12, size);
        Assert.False(memory.Label("old0", ModelTier.Cheap, OutcomeLabel.Right));
        Assert.Equal(17.0 / 18.0, memory.Estimate(Planet(3), 3, neighbours: 16)[(int)ModelTier.Cheap], 6);
    }
}
