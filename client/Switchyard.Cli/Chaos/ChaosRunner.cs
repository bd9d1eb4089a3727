using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Switchyard.Cli.Chaos;

/// <summary>
/// Drives requests over many tenants through every silo's HTTP endpoint, with client retries, kills
/// one silo part-way, and then audits every tenant's spend against what the responses acknowledged.
/// </summary>
internal static class ChaosRunner
{
    // A client that keeps retrying for this long rides out a silo's death: the cluster needs a few
    // seconds to declare it dead and move its grains.
    private static readonly TimeSpan RetryBudget = TimeSpan.FromSeconds(60);

    /// <summary>Runs the whole experiment and returns its audit.</summary>
    public static async Task<ChaosReport> RunAsync(ChaosSettings settings, Action<string>? progress, CancellationToken cancellationToken)
    {
        await using var cluster = await ChaosCluster.StartAsync(settings, cancellationToken);
        progress?.Invoke($"{settings.Silos} silos and Redis are up; sending {settings.Requests} requests.");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        var tenants = Enumerable.Range(0, settings.Tenants).Select(_ => new TenantTally()).ToArray();
        var clock = Stopwatch.StartNew();
        var killedAt = (TimeSpan?)null;
        var lastFailure = TimeSpan.Zero;
        var finished = 0;
        var (succeeded, failed) = (0, 0);
        var victim = settings.Silos > 1 ? 1 : 0;
        var run = Guid.NewGuid().ToString("N")[..8];

        using var gate = new SemaphoreSlim(settings.Concurrency);
        var work = Enumerable.Range(0, settings.Requests).Select(async i =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                var tenant = i % settings.Tenants;
                var outcome = await SendAsync(http, cluster.Silos, victim, () => killedAt is not null, tenant, i, $"chaos-{run}-{i}", tenants[tenant], cancellationToken);
                lock (tenants)
                {
                    if (outcome.FailedAttempts > 0 && killedAt is not null)
                    {
                        lastFailure = clock.Elapsed > lastFailure ? clock.Elapsed : lastFailure;
                    }

                    if (outcome.Definitive)
                    {
                        succeeded++;
                    }
                    else
                    {
                        failed++;
                    }

                    if (++finished == settings.KillAfter)
                    {
                        cluster.Kill(victim);
                        killedAt = clock.Elapsed;
                        progress?.Invoke($"Killed silo {victim + 1} (SIGKILL) after {finished} requests.");
                    }
                }
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(work);

        progress?.Invoke("Auditing every tenant.");
        var survivor = cluster.Silos[0];
        var acknowledged = 0m;
        var recorded = 0m;
        var lost = 0m;
        var doubleCharged = 0;
        var overspend = 0m;
        for (var t = 0; t < settings.Tenants; t++)
        {
            var (spent, settled) = await UsageAsync(http, survivor, t, cancellationToken);
            var tally = tenants[t];
            acknowledged += tally.AcknowledgedUsd;
            recorded += spent;
            lost += Math.Max(0m, tally.AcknowledgedUsd - spent);
            doubleCharged += Math.Max(0, settled - tally.Acknowledged - tally.AlreadyCompleted - tally.Unanswered);
            overspend = Math.Max(overspend, spent - ChaosSettings.CapOf(t));
        }

        var recovery = killedAt is { } at && lastFailure > at ? (lastFailure - at).TotalSeconds : 0;
        return new ChaosReport(settings.Requests, succeeded, failed, acknowledged, recorded, lost, doubleCharged, overspend, Math.Round(recovery, 2));
    }

    private static async Task<Outcome> SendAsync(
        HttpClient http, List<Uri> silos, int victim, Func<bool> victimDead, int tenant, int index, string requestId, TenantTally tally, CancellationToken cancellationToken)
    {
        // Every attempt carries the same request id, so a retry of a request that was charged but whose
        // answer was lost is not charged again.
        var failures = 0;
        var ambiguous = false;
        var started = Stopwatch.StartNew();
        for (var attempt = 0; started.Elapsed < RetryBudget; attempt++)
        {
            // Spread load over every silo; once one is dead, a real load balancer would stop sending to it.
            var silo = silos[(index + attempt) % silos.Count];
            if (victimDead() && silo == silos[victim])
            {
                silo = silos[(silos.IndexOf(silo) + 1) % silos.Count];
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(silo, "/v1/chat/completions"))
            {
                Content = new StringContent(
                    $$"""{"model": "auto", "messages": [{"role": "user", "content": "Chaos request {{index}} for tenant {{tenant}}"}]}""",
                    Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ChaosCluster.KeyOf(tenant));
            request.Headers.Add("x-switchyard-request-id", requestId);
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var cost = decimal.Parse(response.Headers.GetValues("x-switchyard-cost-usd").Single(), CultureInfo.InvariantCulture);
                    tally.Acknowledge(cost);
                    return new Outcome(true, failures);
                }

                if (response.StatusCode == HttpStatusCode.PaymentRequired)
                {
                    return new Outcome(true, failures);
                }

                if (response.StatusCode == HttpStatusCode.Conflict)
                {
                    // An earlier attempt completed and was charged, but its answer never arrived.
                    tally.CompleteUnacknowledged();
                    return new Outcome(true, failures);
                }

                // 503 and other server errors: the request may have been charged before the failure.
                ambiguous = true;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // The answer was lost in flight: the request may or may not have been settled.
                ambiguous = true;
            }

            failures++;
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 100 * (attempt + 1))), cancellationToken);
        }

        if (ambiguous)
        {
            tally.LeaveUnanswered();
        }

        return new Outcome(false, failures);
    }

    private static async Task<(decimal Spent, int Settled)> UsageAsync(HttpClient http, Uri silo, int tenant, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(silo, "/v1/usage"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ChaosCluster.KeyOf(tenant));
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode || attempt == 20)
            {
                response.EnsureSuccessStatusCode();
                var usage = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement;
                return (usage.GetProperty("spent_usd").GetDecimal(), usage.GetProperty("requests").GetInt32());
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    private sealed record Outcome(bool Definitive, int FailedAttempts);

    private sealed class TenantTally
    {
        public decimal AcknowledgedUsd { get; private set; }

        public int Acknowledged { get; private set; }

        public int Unanswered { get; private set; }

        public int AlreadyCompleted { get; private set; }

        public void CompleteUnacknowledged()
        {
            lock (this)
            {
                AlreadyCompleted++;
            }
        }

        public void Acknowledge(decimal cost)
        {
            lock (this)
            {
                AcknowledgedUsd += cost;
                Acknowledged++;
            }
        }

        public void LeaveUnanswered()
        {
            lock (this)
            {
                Unanswered++;
            }
        }
    }
}
