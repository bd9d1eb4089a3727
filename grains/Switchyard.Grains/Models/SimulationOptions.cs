namespace Switchyard.Models;

/// <summary>How a <c>simulated</c> model answers, bound from <c>Switchyard:Models:&lt;name&gt;:Simulation</c>.</summary>
public sealed class SimulationOptions
{
    /// <summary>Milliseconds each answer takes. Default: 0.</summary>
    public int LatencyMilliseconds { get; set; }

    /// <summary>The share of prompts the model answers correctly, in [0, 1]. Default: 0.8.</summary>
    public double Accuracy { get; set; } = 0.8;
}
