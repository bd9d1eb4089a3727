namespace Switchyard.Models;

/// <summary>What a catalog entry is for.</summary>
public enum ModelKind
{
    /// <summary>A chat model the router sends completions to.</summary>
    Chat,

    /// <summary>An embedding model the cache can embed semantic keys with; never routed to.</summary>
    Embedding,
}
