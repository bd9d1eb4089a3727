using Microsoft.Extensions.Options;
using Switchyard.Completion;
using Switchyard.Models;

namespace Switchyard.Tests.Ledger;

public sealed class CompletionLengthEstimatorTests
{
    private readonly CompletionLengthEstimator _estimator = new(Options.Create(new ModelCatalogOptions { DefaultOutputTokenEstimate = 1024 }));

    [Fact]
    public void WithoutEnoughCompletions_TheCatalogDefaultIsUsed()
    {
        for (var i = 0; i < CompletionLengthEstimator.MinimumSamples - 1; i++)
        {
            _estimator.Observe("summaries", 50);
        }

        Assert.Equal(1024, _estimator.Estimate("summaries", null));
    }

    [Fact]
    public void ATaskTypesOwnHighPercentile_ReplacesTheDefault_AndMaxTokensWins()
    {
        // 95 short answers, 5 long ones: the 95th percentile is the short answers' length, rounded up to its bucket.
        for (var i = 0; i < 95; i++)
        {
            _estimator.Observe("labels", 40 + (i % 10));
        }

        for (var i = 0; i < 5; i++)
        {
            _estimator.Observe("labels", 3000);
        }

        var estimate = _estimator.Estimate("labels", null);
        Assert.InRange(estimate, 49, 49 * 1.13);
        Assert.Equal(1024, _estimator.Estimate("other", null));
        Assert.Equal(7, _estimator.Estimate("labels", 7));

        // Once long answers are common, the estimate follows them.
        for (var i = 0; i < 100; i++)
        {
            _estimator.Observe("labels", 3000);
        }

        Assert.InRange(_estimator.Estimate("labels", null), 3000, 3000 * 1.13);
    }
}
