using System.Text.Json.Serialization;

namespace Switchyard.Routing;

/// <summary>A quality and price class of models. Escalation goes up this order.</summary>
[GenerateSerializer]
public enum ModelTier
{
    /// <summary>Local or small models (a Llama on a local server, gpt-4o-mini class).</summary>
    [JsonStringEnumMemberName("cheap")]
    Cheap = 0,

    /// <summary>Mid-sized models (gpt-4.1-mini, Claude Haiku class).</summary>
    [JsonStringEnumMemberName("mid")]
    Mid = 1,

    /// <summary>The strongest models (gpt-4o, Claude Sonnet class).</summary>
    [JsonStringEnumMemberName("frontier")]
    Frontier = 2,
}
