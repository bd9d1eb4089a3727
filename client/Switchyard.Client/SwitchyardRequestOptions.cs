using Switchyard.Completion;

namespace Switchyard.Client;

/// <summary>Per-request choices of a Switchyard completion.</summary>
public sealed record SwitchyardRequestOptions
{
    /// <summary>The defaults: the router chooses the model, the cache is used, no sampling overrides.</summary>
    public static SwitchyardRequestOptions Default { get; } = new();

    /// <summary><c>auto</c> lets the router choose; a catalog model name pins that model. Default: <c>auto</c>.</summary>
    public string Model { get; init; } = CompletionRequest.AutoModel;

    /// <summary>Sampling temperature. Default: null, the model's own default.</summary>
    public double? Temperature { get; init; }

    /// <summary>Nucleus sampling. Default: null, the model's own default.</summary>
    public double? TopP { get; init; }

    /// <summary>The most completion tokens wanted. Default: null, no limit beyond the model's.</summary>
    public int? MaxTokens { get; init; }

    /// <summary>True to neither read nor write the cache. Default: false.</summary>
    public bool NoStore { get; init; }

    /// <summary>The end user, for cohorting; never used as a key. Default: null.</summary>
    public string? User { get; init; }
}
