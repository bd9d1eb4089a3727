namespace Switchyard;

/// <summary>The names of Switchyard's grain storage providers.</summary>
public static class SwitchyardStorage
{
    /// <summary>The store that holds budgets and router statistics.</summary>
    public const string Name = "switchyard";
}
