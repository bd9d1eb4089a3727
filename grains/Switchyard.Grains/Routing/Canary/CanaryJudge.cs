namespace Switchyard.Routing.Canary;

/// <summary>
/// Compares a canary's arms: their error rates by <see cref="TwoProportionTest"/>, then their cost
/// per request. A candidate that errs significantly more is rolled back; one that errs significantly
/// less, or no differently at a lower cost per request, is promoted; until both arms have
/// <c>minimumLabels</c> labels the canary is still collecting.
/// </summary>
public static class CanaryJudge
{
    /// <summary>The verdict on <paramref name="canary"/>.</summary>
    public static (double? Z, double? PValue, bool Significant, string Verdict, string Reason) Judge(
        CanaryState canary, int minimumLabels, double significanceLevel)
    {
        var control = canary.Control;
        var candidate = canary.CandidateArm;
        var test = TwoProportionTest.Compare(control.Wrong, control.Labelled, candidate.Wrong, candidate.Labelled);
        if (control.Labelled < minimumLabels || candidate.Labelled < minimumLabels || test is not { } result)
        {
            return (test?.Z, test?.PValue, false, "collecting",
                $"Each arm needs {minimumLabels} labelled answers; control has {control.Labelled}, candidate {candidate.Labelled}.");
        }

        var significant = result.PValue < significanceLevel;
        var rates = $"error rate {candidate.ErrorRate:P1} (candidate) vs {control.ErrorRate:P1} (control), p = {result.PValue:G3}";
        if (significant)
        {
            return result.Z > 0
                ? (result.Z, result.PValue, true, "rollback", $"The candidate errs significantly more: {rates}.")
                : (result.Z, result.PValue, true, "promote", $"The candidate errs significantly less: {rates}.");
        }

        return candidate.CostUsdPerCall < control.CostUsdPerCall
            ? (result.Z, result.PValue, false, "promote", $"No significant difference in errors ({rates}) and the candidate costs less per request.")
            : (result.Z, result.PValue, false, "no_difference", $"No significant difference in errors ({rates}) and the candidate costs no less per request.");
    }
}
