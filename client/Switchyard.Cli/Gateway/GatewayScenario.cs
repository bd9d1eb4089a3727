namespace Switchyard.Cli.Gateway;

/// <summary>Which of Switchyard's paths the benchmark's requests take.</summary>
internal enum GatewayScenario
{
    /// <summary>Every request new: exact and semantic lookups miss, then router, budget reserve and settle, the upstream call and the cache store.</summary>
    Miss,

    /// <summary>A few questions repeated word for word: answered by the exact cache.</summary>
    Exact,

    /// <summary>Rewordings of a few answered questions: answered by the semantic cache when close enough.</summary>
    Semantic,
}
