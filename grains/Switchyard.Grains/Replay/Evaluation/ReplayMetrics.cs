namespace Switchyard.Replay.Evaluation;

/// <summary>
/// The published metrics of router evaluations, computed on recorded data: single-model baselines,
/// the oracle, AIQ (RouterBench), cost saving at equal quality (FrugalGPT), APGR and CPT (RouteLLM).
/// An answer with no recorded correctness counts as wrong everywhere.
/// </summary>
public static class ReplayMetrics
{
    /// <summary>Always answering with <paramref name="model"/>; <paramref name="costOf"/> prices a call.</summary>
    public static CostQualityPoint Baseline(IReadOnlyList<ReplayQuery> queries, string model, Func<ReplayQuery, string, decimal> costOf) => new(
        model,
        queries.Count == 0 ? 0 : queries.Count(q => q.Answers[model].Correct) / (double)queries.Count,
        queries.Count == 0 ? 0 : queries.Sum(q => costOf(q, model)) / queries.Count);

    /// <summary>The oracle: per query, the cheapest model that was right (or the cheapest model when none was).</summary>
    public static CostQualityPoint Oracle(IReadOnlyList<ReplayQuery> queries, IReadOnlyList<string> models, Func<ReplayQuery, string, decimal> costOf)
    {
        if (queries.Count == 0)
        {
            return new CostQualityPoint("oracle", 0, 0);
        }

        var right = 0;
        var cost = 0m;
        foreach (var query in queries)
        {
            var correct = models.Where(m => query.Answers[m].Correct).ToList();
            right += correct.Count > 0 ? 1 : 0;
            cost += (correct.Count > 0 ? correct : models).Min(m => costOf(query, m));
        }

        return new CostQualityPoint("oracle", right / (double)queries.Count, cost / queries.Count);
    }

    /// <summary>
    /// AIQ: the area under the non-decreasing upper convex hull of <paramref name="points"/> over the
    /// cost range [<paramref name="minCost"/>, <paramref name="maxCost"/>], divided by the range. Below
    /// the cheapest point the hull is zero; above the dearest it stays at its best quality.
    /// </summary>
    public static double Aiq(IEnumerable<CostQualityPoint> points, decimal minCost, decimal maxCost)
    {
        var hull = Hull(points);
        var lo = (double)minCost;
        var hi = (double)maxCost;
        if (hull.Count == 0 || hi <= lo)
        {
            return hull.Count == 0 ? 0 : hull.Max(p => p.Accuracy);
        }

        double At(double x)
        {
            if (x < (double)hull[0].CostUsdPerQuery)
            {
                return 0;
            }

            for (var i = 1; i < hull.Count; i++)
            {
                var (x0, x1) = ((double)hull[i - 1].CostUsdPerQuery, (double)hull[i].CostUsdPerQuery);
                if (x <= x1)
                {
                    return x1 == x0 ? hull[i].Accuracy : hull[i - 1].Accuracy + ((hull[i].Accuracy - hull[i - 1].Accuracy) * (x - x0) / (x1 - x0));
                }
            }

            return hull[^1].Accuracy;
        }

        // The hull is piecewise linear: integrate exactly between its breakpoints.
        var xs = hull.Select(p => (double)p.CostUsdPerQuery).Where(x => x > lo && x < hi).Append(lo).Append(hi).Order().ToList();
        var area = 0.0;
        for (var i = 1; i < xs.Count; i++)
        {
            var a = xs[i - 1];
            var b = xs[i];
            var left = At(a + ((b - a) * 1e-9));
            area += (left + At(b)) / 2 * (b - a);
        }

        return area / (hi - lo);
    }

    /// <summary>The non-decreasing upper convex hull of <paramref name="points"/>, cheapest first.</summary>
    public static List<CostQualityPoint> Hull(IEnumerable<CostQualityPoint> points)
    {
        var hull = new List<CostQualityPoint>();
        foreach (var point in points.OrderBy(p => p.CostUsdPerQuery).ThenByDescending(p => p.Accuracy))
        {
            if (hull.Count > 0 && point.Accuracy <= hull[^1].Accuracy)
            {
                // Costs more and is no better: never on a non-decreasing hull.
                continue;
            }

            while (hull.Count >= 2 && !TurnsRight(hull[^2], hull[^1], point))
            {
                hull.RemoveAt(hull.Count - 1);
            }

            hull.Add(point);
        }

        return hull;
    }

    /// <summary>
    /// FrugalGPT's cost saving at equal quality: 1 − cost(router) / cost(best single model), for the
    /// cheapest router point at least as accurate as the best single model; null when none is.
    /// </summary>
    public static double? CostSavingAtEqualQuality(IEnumerable<CostQualityPoint> router, CostQualityPoint best)
    {
        var equal = router.Where(p => p.Accuracy >= best.Accuracy).OrderBy(p => p.CostUsdPerQuery).FirstOrDefault();
        return equal is null || best.CostUsdPerQuery == 0 ? null : 1 - (double)(equal.CostUsdPerQuery / best.CostUsdPerQuery);
    }

    /// <summary>
    /// RouteLLM's APGR: the area under performance-gap-recovered against the share of calls sent to the
    /// strong model, through (0, 0), the router's points (share, PGR) and (1, 1).
    /// </summary>
    public static double Apgr(IEnumerable<(double StrongShare, double Accuracy)> router, double weak, double strong)
    {
        var curve = PgrCurve(router, weak, strong);
        var area = 0.0;
        for (var i = 1; i < curve.Count; i++)
        {
            area += (curve[i].Pgr + curve[i - 1].Pgr) / 2 * (curve[i].Share - curve[i - 1].Share);
        }

        return area;
    }

    /// <summary>RouteLLM's CPT(x): the smallest share of strong-model calls at which PGR reaches <paramref name="target"/>.</summary>
    public static double Cpt(IEnumerable<(double StrongShare, double Accuracy)> router, double weak, double strong, double target)
    {
        var curve = PgrCurve(router, weak, strong);
        for (var i = 1; i < curve.Count; i++)
        {
            if (curve[i].Pgr >= target)
            {
                var (s0, p0, s1, p1) = (curve[i - 1].Share, curve[i - 1].Pgr, curve[i].Share, curve[i].Pgr);
                return p1 == p0 ? s1 : s0 + ((target - p0) * (s1 - s0) / (p1 - p0));
            }
        }

        return 1;
    }

    private static List<(double Share, double Pgr)> PgrCurve(IEnumerable<(double StrongShare, double Accuracy)> router, double weak, double strong)
    {
        var gap = strong - weak;
        var curve = router
            .Select(p => (Share: Math.Clamp(p.StrongShare, 0, 1), Pgr: gap == 0 ? 1 : (p.Accuracy - weak) / gap))
            .Append((Share: 0.0, Pgr: 0.0))
            .Append((Share: 1.0, Pgr: 1.0))
            .OrderBy(p => p.Share)
            .ToList();

        // PGR is read as the best recovered so far: a router can always spend more to do no worse.
        for (var i = 1; i < curve.Count; i++)
        {
            curve[i] = (curve[i].Share, Math.Max(curve[i].Pgr, curve[i - 1].Pgr));
        }

        return curve;
    }

    private static bool TurnsRight(CostQualityPoint a, CostQualityPoint b, CostQualityPoint c)
    {
        var cross = ((double)(b.CostUsdPerQuery - a.CostUsdPerQuery) * (c.Accuracy - a.Accuracy))
            - ((b.Accuracy - a.Accuracy) * (double)(c.CostUsdPerQuery - a.CostUsdPerQuery));
        return cross < 0;
    }
}
