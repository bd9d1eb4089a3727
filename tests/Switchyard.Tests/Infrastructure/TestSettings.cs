namespace Switchyard.Tests.Infrastructure;

/// <summary>The configuration every test host shares: an instant simulated catalog and three tenants.</summary>
public static class TestSettings
{
    public const string AlphaKey = "sk-test-alpha";
    public const string BetaKey = "sk-test-beta";
    public const string PoorKey = "sk-test-poor";
    public const string AdminKey = "sk-test-admin";

    /// <summary>The cheap tier's accuracy: low enough that plenty of prompts escalate.</summary>
    public const double CheapAccuracy = 0.5;

    public static Dictionary<string, string?> Create(string dataDirectory) => new()
    {
        ["Switchyard:DataDirectory"] = dataDirectory,
        ["Switchyard:AdminApiKey"] = AdminKey,
        ["Switchyard:Tenants:alpha:ApiKey"] = AlphaKey,
        ["Switchyard:Tenants:alpha:MonthlyCapUsd"] = "10",
        ["Switchyard:Tenants:beta:ApiKeySha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(BetaKey))),
        ["Switchyard:Tenants:beta:MonthlyCapUsd"] = "10",
        ["Switchyard:Tenants:poor:ApiKey"] = PoorKey,
        // Less than the prompt of any request costs: every call is refused.
        ["Switchyard:Tenants:poor:MonthlyCapUsd"] = "0.000001",
        // No random exploration: routing tests assert the configured plans; learning tests explore deterministically.
        ["Switchyard:Routing:ExplorationRate"] = "0",
        ["Switchyard:Routing:ColdExplorationRate"] = "0",
        // A quality group of two task types that only the quality group tests route.
        ["Switchyard:Routing:QualityGroups:mix:QualityTarget"] = "0.97",
        ["Switchyard:Routing:TaskTypes:mix-easy:QualityGroup"] = "mix",
        ["Switchyard:Routing:TaskTypes:mix-hard:QualityGroup"] = "mix",
        ["Switchyard:Models:sim-cheap:Provider"] = "simulated",
        ["Switchyard:Models:sim-cheap:Tier"] = "cheap",
        ["Switchyard:Models:sim-cheap:InputPerMillion"] = "0.15",
        ["Switchyard:Models:sim-cheap:CachedInputPerMillion"] = "0.075",
        ["Switchyard:Models:sim-cheap:OutputPerMillion"] = "0.60",
        ["Switchyard:Models:sim-cheap:Simulation:LatencyMilliseconds"] = "0",
        ["Switchyard:Models:sim-cheap:Simulation:Accuracy"] = CheapAccuracy.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Switchyard:Models:sim-mid:Provider"] = "simulated",
        ["Switchyard:Models:sim-mid:Tier"] = "mid",
        ["Switchyard:Models:sim-mid:InputPerMillion"] = "0.40",
        ["Switchyard:Models:sim-mid:OutputPerMillion"] = "1.60",
        ["Switchyard:Models:sim-mid:Simulation:LatencyMilliseconds"] = "0",
        ["Switchyard:Models:sim-frontier:Provider"] = "simulated",
        ["Switchyard:Models:sim-frontier:Tier"] = "frontier",
        ["Switchyard:Models:sim-frontier:InputPerMillion"] = "2.50",
        ["Switchyard:Models:sim-frontier:CachedInputPerMillion"] = "1.25",
        ["Switchyard:Models:sim-frontier:OutputPerMillion"] = "10.00",
        ["Switchyard:Models:sim-frontier:Simulation:LatencyMilliseconds"] = "0",
    };

    /// <summary>A fresh directory under the system temp folder.</summary>
    public static string NewDataDirectory() =>
        Directory.CreateTempSubdirectory("switchyard-test-").FullName;
}
