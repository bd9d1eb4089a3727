using Microsoft.Extensions.AI;

namespace Switchyard.Providers;

/// <summary>A provider stream that broke after some of the answer arrived.</summary>
public sealed class PartialResponseException(ChatResponse partial, Exception inner)
    : Exception("The provider's stream broke before the answer was complete.", inner)
{
    /// <summary>What arrived before the stream broke: the tokens the provider generated and will bill.</summary>
    public ChatResponse Partial { get; } = partial;
}
