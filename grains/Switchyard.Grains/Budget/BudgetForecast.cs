namespace Switchyard.Budget;

/// <summary>
/// A linear projection of a month's spend, and the budget conditions worth an operator's attention.
/// </summary>
public static class BudgetForecast
{
    /// <summary>
    /// The month's spend if it goes on at the rate so far. The rate is taken over at least one day, so
    /// the first minutes of a month do not project a few cents into thousands.
    /// </summary>
    public static decimal Project(decimal spentUsd, DateTimeOffset now)
    {
        var utc = now.UtcDateTime;
        var start = new DateTime(utc.Year, utc.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var month = (decimal)(start.AddMonths(1) - start).TotalSeconds;
        var elapsed = Math.Max((decimal)(utc - start).TotalSeconds, 86_400m);
        return elapsed >= month ? spentUsd : decimal.Round(spentUsd * month / elapsed, 6);
    }

    /// <summary>
    /// The alerts fired this period (<c>spend_&lt;n&gt;pct</c>, <c>over_pace</c>), then the conditions of
    /// <paramref name="snapshot"/> that hold now, as stable lower-case names.
    /// </summary>
    public static IReadOnlyList<string> Alerts(BudgetSnapshot snapshot, decimal forecastUsd)
    {
        var alerts = new List<string>(snapshot.AlertsFired ?? []);
        if (snapshot.SpentUsd >= snapshot.CapUsd)
        {
            alerts.Add(snapshot.Hard ? "monthly_cap_reached" : "soft_cap_exceeded");
        }
        else if (forecastUsd > snapshot.CapUsd)
        {
            alerts.Add("forecast_over_cap");
        }

        if (snapshot.DailyCapUsd is { } daily && snapshot.DaySpentUsd >= daily)
        {
            alerts.Add("daily_cap_reached");
        }

        return alerts;
    }
}
